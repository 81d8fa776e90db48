import { Body, Controller, Post, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { SessionGuard } from '../auth/session.guard';
import { AvatarService } from './avatar.service';
import { ImportAvatarDto } from './dto/import-avatar.dto';

@Controller('me/avatar')
@UseGuards(SessionGuard)
export class AvatarController {
  constructor(private readonly avatars: AvatarService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  upload(@Req() req: { userId: string }, @UploadedFile() file: Express.Multer.File) {
    return this.avatars.upload(req.userId, file);
  }

  @Post('import')
  importFromUrl(@Req() req: { userId: string }, @Body() dto: ImportAvatarDto) {
    return this.avatars.importFromUrl(req.userId, dto);
  }
}
