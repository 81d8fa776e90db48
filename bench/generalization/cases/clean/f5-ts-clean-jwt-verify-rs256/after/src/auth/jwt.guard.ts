import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { verify, type JwtPayload } from 'jsonwebtoken';

@Injectable()
export class JwtGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    const header: string = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw new UnauthorizedException();
    try {
      req.user = verify(token, this.config.getOrThrow<string>('JWT_PUBLIC_KEY'), {
        algorithms: ['RS256'],
        issuer: this.config.getOrThrow<string>('JWT_ISSUER'),
        audience: 'admin-api',
        clockTolerance: 30,
      }) as JwtPayload;
    } catch (err) {
      throw new UnauthorizedException('invalid token', { cause: err });
    }
    return true;
  }
}
