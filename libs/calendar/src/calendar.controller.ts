import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { Public } from '#core';
import { CalendarService } from './calendar.service.js';

/** GET /calendar/<token>.ics: the private feed a phone calendar subscribes to (the token is the credential). */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get(':file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const token = file.replace(/\.ics$/, '');
    const body = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await this.calendar.feed(token) : null;
    if (body === null) throw new NotFoundException('Unknown or revoked calendar feed');
    return body;
  }
}
