import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '#access';
import { MANAGERS } from '#core';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from '../entities/index.js';
import { peopleError } from '../people.errors.js';

/** In-app notifications: raised by jobs, read and dismissed by their user. E-mail delivery may come later. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Notifies every admin and programme manager, once per kind and subject; returns how many were new. */
  async notifyManagers(kind: string, subjectId: string, message: string): Promise<number> {
    const result: unknown[] = await this.dataSource.query(
      `INSERT INTO notification (user_id, kind, subject_id, message)
       SELECT id, $1, $2, $3 FROM user_account WHERE role = ANY($4::role[])
       ON CONFLICT ON CONSTRAINT uq_notification_user_kind_subject DO NOTHING
       RETURNING id`,
      [kind, subjectId, message, MANAGERS],
    );
    return result.length;
  }

  list(ctx: RequestContext, includeDismissed: boolean): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({
      where: { userId: ctx.actor.id, ...(includeDismissed ? {} : { dismissedAt: IsNull() }) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  async dismiss(ctx: RequestContext, id: string): Promise<Notification> {
    const notifications = this.dataSource.getRepository(Notification);
    const notification = await notifications.findOneBy({ id, userId: ctx.actor.id });
    if (!notification) throw peopleError('NOTIFICATION_NOT_FOUND', `You have no notification with id ${id}`);
    notification.dismissedAt ??= new Date();
    return notifications.save(notification);
  }
}
