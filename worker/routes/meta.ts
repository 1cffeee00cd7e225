/** Health and "who am I". */
import { Hono } from 'hono';
import type { Health, Me } from '../../shared/api/responses.js';
import { requireSecrets } from '../crypto/ids.js';
import { getBureau, getSchool } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { requireRole } from '../middleware/auth.js';
import { nowOf } from './context.js';

export const API_VERSION = '1.0.0';

export const meta = new Hono<AppEnv>()
  .get('/health', async (c) => {
    // Ready means able to take a submission: the secrets are set and D1 answers.
    requireSecrets(c.env);
    await c.env.DB.prepare('SELECT 1').first();
    const body: Health = { ok: true, version: API_VERSION, time: nowOf(c).toISOString() };
    return c.json(body, 200);
  })
  .get('/me', requireRole('clerk', 'reviewer', 'admin'), async (c) => {
    const auth = c.get('auth');
    const school = auth.schoolCode ? await getSchool(c.env.DB, auth.schoolCode) : null;
    const bureau = auth.bureauId ? await getBureau(c.env.DB, auth.bureauId) : null;
    const body: Me = {
      role: auth.role,
      label: auth.label,
      school: school ? { code: school.code, name: school.name } : null,
      bureau: bureau ? { id: bureau.id, name: bureau.name } : null,
      expiresAt: auth.expiresAt,
    };
    return c.json(body, 200);
  });
