import { IsUrl } from 'class-validator';

export class ImportAvatarDto {
  @IsUrl({ require_tld: false })
  sourceUrl!: string;
}
