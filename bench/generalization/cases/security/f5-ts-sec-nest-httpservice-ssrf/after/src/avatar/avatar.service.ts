import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { StorageService } from '../storage/storage.service';
import { ImportAvatarDto } from './dto/import-avatar.dto';

@Injectable()
export class AvatarService {
  constructor(
    private readonly storage: StorageService,
    private readonly http: HttpService,
  ) {}

  async upload(userId: string, file: Express.Multer.File): Promise<string> {
    const key = `avatars/${userId}`;
    await this.storage.put(key, file.buffer, file.mimetype);
    return key;
  }

  async importFromUrl(userId: string, dto: ImportAvatarDto): Promise<string> {
    const response = await firstValueFrom(
      this.http.get<ArrayBuffer>(dto.sourceUrl, { responseType: 'arraybuffer', maxRedirects: 5 }),
    );
    const key = `avatars/${userId}`;
    const type = String(response.headers['content-type'] ?? 'image/png');
    await this.storage.put(key, Buffer.from(response.data), type);
    return key;
  }
}
