import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';

// Changes one row straight in an app's SQLite file, as an operator (or lib/admin.ts) would,
// while the app keeps running on it.
export function updateOneRow(dataDir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(dataDir, 'login-lab.db'));
  try {
    db.pragma('busy_timeout = 2000');
    expect(db.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    db.close();
  }
}

// Reads rows straight from an app's SQLite file, say to see what the audit log recorded.
export function readRows<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, 'login-lab.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 2000');
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
