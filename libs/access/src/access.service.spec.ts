import { Role } from '#core';
import type { DataSource } from 'typeorm';
import { AccessService } from './access.service.js';
import { PERMISSIONS } from './permissions.js';

// Only the parts that need no database: registration and the managers' shortcut. Rules run against
// PostgreSQL in test/access.e2e-spec.ts.
const noDatabase = {
  driver: {},
  manager: {
    query: () => {
      throw new Error('no SQL expected');
    },
  },
} as unknown as DataSource;

describe('AccessService', () => {
  it('refuses a second rule for a permission from another domain', () => {
    const access = new AccessService(noDatabase);
    access.register('films', { 'film.read': () => false });
    expect(() => access.register('screenings', { 'film.read': () => true })).toThrow('film.read has two rules: films and screenings');
  });

  it('refuses to start while a permission has no rule', () => {
    const access = new AccessService(noDatabase);
    access.register('films', { 'film.read': () => false });
    expect(() => access.assertEveryPermissionRuled()).toThrow(/No access rule registered for: programme\.read/);
    access.register('others', Object.fromEntries(PERMISSIONS.filter((p) => p !== 'film.read').map((p) => [p, () => false])));
    expect(() => access.assertEveryPermissionRuled()).not.toThrow();
  });

  it('lets managers reach every id without a query, and answers a flat refusal without one', async () => {
    const access = new AccessService(noDatabase);
    access.register('films', { 'film.read': () => false });
    const ids = ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'];
    const manager = { id: 'm', role: Role.PROGRAMME_MANAGER, fellowId: null };
    const fellow = { id: 'f', role: Role.FELLOW, fellowId: 'x' };
    await expect(access.allowedIds(manager, 'film.read', ids)).resolves.toEqual(new Set(ids));
    await expect(access.allowedIds(fellow, 'film.read', ids)).resolves.toEqual(new Set());
  });
});
