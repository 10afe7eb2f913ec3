import initSqlJs, { type Database, type SqlValue } from 'sql.js';

/**
 * The payment service's durable storage: SQLite (sql.js, in WebAssembly), behind the `Store`
 * interface the design's exported module declares, so the harness can crash a commit before or
 * after it writes. `commit` writes the account row and the idempotency key in one transaction.
 */

export type Reply = 'ok' | 'error';
export type CachedReply = Reply | 'noreply';

/** The persisted record of the design: its state and durable vars. */
export interface AccountRecord {
  readonly state: 'Open';
  readonly durable: { readonly charges: number; readonly total: number };
}

export interface IdempotencyEntry {
  readonly requestId: string;
  readonly reply: CachedReply;
}

/** The exported module's `Store`, as this service uses it. */
export interface PaymentStore {
  get(): Promise<AccountRecord | undefined>;
  putIfAbsent(record: AccountRecord): Promise<boolean>;
  getReply(requestId: string): Promise<CachedReply | undefined>;
  commit(record: AccountRecord, entry?: IdempotencyEntry): Promise<void>;
}

const SQL = await initSqlJs();

/** One database: it outlives every crash of the service (it is the disk). */
export class PaymentDatabase {
  readonly db: Database = new SQL.Database();

  constructor() {
    this.db.run('CREATE TABLE account (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, charges INTEGER NOT NULL, total INTEGER NOT NULL)');
    this.db.run('CREATE TABLE idempotency (request_id TEXT PRIMARY KEY, reply TEXT NOT NULL)');
  }

  rows(sql: string, params: SqlValue[] = []): SqlValue[][] {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      const out: SqlValue[][] = [];
      while (statement.step()) out.push(statement.get());
      return out;
    } finally {
      statement.free();
    }
  }

  /** The account as committed: what survives a crash. */
  account(): AccountRecord | undefined {
    const [row] = this.rows('SELECT state, charges, total FROM account WHERE id = 1');
    return row === undefined ? undefined : { state: row[0] as 'Open', durable: { charges: Number(row[1]), total: Number(row[2]) } };
  }

  store(): PaymentStore {
    return {
      get: async () => this.account(),
      putIfAbsent: async (record) => {
        if (this.account() !== undefined) return false;
        this.db.run('INSERT INTO account (id, state, charges, total) VALUES (1, ?, ?, ?)', [record.state, record.durable.charges, record.durable.total]);
        return true;
      },
      getReply: async (requestId) => {
        const [row] = this.rows('SELECT reply FROM idempotency WHERE request_id = ?', [requestId]);
        return row === undefined ? undefined : (row[0] as CachedReply);
      },
      commit: async (record, entry) => {
        this.db.run('BEGIN');
        try {
          this.db.run('UPDATE account SET state = ?, charges = ?, total = ? WHERE id = 1', [record.state, record.durable.charges, record.durable.total]);
          if (entry !== undefined) this.db.run('INSERT INTO idempotency (request_id, reply) VALUES (?, ?)', [entry.requestId, entry.reply]);
          this.db.run('COMMIT');
        } catch (error) {
          this.db.run('ROLLBACK');
          throw error;
        }
      },
    };
  }
}
