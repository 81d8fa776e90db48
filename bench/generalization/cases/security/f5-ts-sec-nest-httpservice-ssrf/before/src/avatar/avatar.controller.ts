import { Controller, Post, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { SessionGuard } from '../auth/session.guard';
import { AvatarService } from './avatar.service';

@Controller('me/avatar')
@UseGuards(SessionGuard)
export class AvatarController {
  constructor(private readonly avatars: AvatarService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  upload(@Req() req: { userId: string }, @UploadedFile() file: Express.Multer.File) {
    return this.avatars.upload(req.userId, file);
  }
}
