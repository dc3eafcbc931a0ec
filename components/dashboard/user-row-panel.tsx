import type { PublicUser } from '@/lib/public-user';
import { Badge } from '../ui/badge';
import { Code, Panel, Row } from '../ui/panel';

export function UserRowPanel({ user, tokenVersion }: { user: PublicUser; tokenVersion: number }) {
  return (
    <Panel
      title="Database row"
      subtitle="The users table: the source of truth for role and status."
      testId="panel-db"
    >
      <dl className="space-y-2">
        <Row label="id">
          <Code>{user.id}</Code>
        </Row>
        <Row label="email">
          <span data-testid="db-email">{user.email}</span>
        </Row>
        <Row label="role">
          <span data-testid="db-role">
            <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{user.role}</Badge>
          </span>
        </Row>
        <Row label="token_version">
          <span data-testid="db-token-version">{tokenVersion}</span>
        </Row>
        <Row label="disabled">{user.disabled ? 'yes' : 'no'}</Row>
        <Row label="created_at">{user.createdAt}</Row>
        <Row label="updated_at">{user.updatedAt}</Row>
        <Row label="password_hash">
          <span className="text-slate-500">argon2id, never leaves the server</span>
        </Row>
      </dl>
    </Panel>
  );
}
