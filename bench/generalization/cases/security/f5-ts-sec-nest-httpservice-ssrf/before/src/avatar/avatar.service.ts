import { Injectable } from '@nestjs/common';
import { StorageService } from '../storage/storage.service';

@Injectable()
export class AvatarService {
  constructor(private readonly storage: StorageService) {}

  async upload(userId: string, file: Express.Multer.File): Promise<string> {
    const key = `avatars/${userId}`;
    await this.storage.put(key, file.buffer, file.mimetype);
    return key;
  }
}
