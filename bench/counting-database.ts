import type { Database } from '../src/store/database.js';

/** `db`, counting the statements donegate sends through it (transactions included). */
export function countingDatabase(db: Database): { db: Database; statements(): number } {
  let statements = 0;
  const wrap = (inner: Database): Database => ({
    kind: inner.kind,
    query(sql, params) {
      statements++;
      return inner.query(sql, params);
    },
    exec(sql) {
      statements++;
      return inner.exec(sql);
    },
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
    close: () => inner.close(),
  });
  return { db: wrap(db), statements: () => statements };
}
