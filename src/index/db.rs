//! One connection to the index, SQLite or PostgreSQL, behind the few calls
//! the index needs: run a script, execute or query with parameters, and do
//! both inside a transaction. Statements are written once with numbered
//! parameters (`?1`, `?2`, …), which SQLite reads as they are and
//! PostgreSQL as `$1`, `$2`; query results come back as JSON objects, so the
//! questions ([`super::query`]) and the API share one shape whatever the
//! back end.

use std::borrow::Borrow;
use std::error::Error;
use std::time::Duration;

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use serde_json::{Map, Value};

use super::{IndexError, Target};

/// Prepared statements an SQLite connection keeps for reuse: every
/// statement the writer runs per batch (two shapes per table, see
/// [`super::store`]), and the questions', fit.
const SQLITE_STATEMENTS: usize = 128;
/// SQLite's page cache, in KiB (a negative `cache_size`). The default
/// (2 MiB) is far smaller than the pages a batch touches once the index
/// holds thousands of articles (the secondary indexes' leaves, the
/// full-text segments being merged), so a batch spilled dirty pages to the
/// WAL before its commit and read them back. A fixed bound keeps the
/// process's memory flat however large the index grows; 32 MiB costs no
/// more CPU than 64 MiB (`index rebuild` of 10 000 BBC records: 3.7–4.0 s
/// of user time either way, and 8 MiB the same) and fills while the index
/// is still small, so less of a daemon's memory grows with the folder
/// (after a million small files 1.14 and 1.24 times its peak after
/// 10 000 in two runs, against 1.31 with 64 MiB).
const SQLITE_CACHE_KIB: i64 = 32 * 1024;
/// How long an SQLite statement waits for another connection's write lock.
const SQLITE_BUSY: Duration = Duration::from_secs(10);
/// How long connecting to PostgreSQL may take when the URL says nothing.
const PG_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest wait for a lock in PostgreSQL before the statement fails.
const PG_LOCK_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest a session may sit in an open transaction without a statement
/// before PostgreSQL ends it.
const PG_IDLE_IN_TRANSACTION: Duration = Duration::from_secs(60);

/// A statement parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Null,
    Int(i64),
    Real(f64),
    /// Text; also a date (`YYYY-MM-DD`) or a time (RFC 3339) where the
    /// PostgreSQL column is a `date` or a `timestamptz`.
    Text(String),
}

impl From<&str> for Param {
    fn from(s: &str) -> Param {
        Param::Text(s.to_string())
    }
}
impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Text(s)
    }
}
impl From<i64> for Param {
    fn from(n: i64) -> Param {
        Param::Int(n)
    }
}
impl From<f64> for Param {
    fn from(x: f64) -> Param {
        if x.is_finite() {
            Param::Real(x)
        } else {
            Param::Null
        }
    }
}
impl<T: Into<Param>> From<Option<T>> for Param {
    fn from(v: Option<T>) -> Param {
        v.map_or(Param::Null, Into::into)
    }
}

/// A result row: column name → value.
pub type Row = Map<String, Value>;

/// Which SQL the connection speaks, where the two differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// An open connection.
pub enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

impl Db {
    /// Connects (creating an SQLite file and its folder if needed). WAL
    /// lets readers (`search`, the API) go on while the daemon writes.
    pub fn open(target: &Target) -> Result<Db, IndexError> {
        match target {
            Target::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
                        path: dir.to_path_buf(),
                        source,
                    })?;
                }
                sqlite_without_memory_statistics();
                let conn = rusqlite::Connection::open(path)?;
                conn.busy_timeout(SQLITE_BUSY)?;
                conn.set_prepared_statement_cache_capacity(SQLITE_STATEMENTS);
                conn.pragma_update(None, "journal_mode", "WAL")?;
                conn.pragma_update(None, "synchronous", "NORMAL")?;
                conn.pragma_update(None, "foreign_keys", "ON")?;
                conn.pragma_update(None, "cache_size", -SQLITE_CACHE_KIB)?;
                Ok(Db::Sqlite(conn))
            }
            Target::Postgres(url) => {
                let mut config: postgres::Config = url.parse()?;
                if config.get_connect_timeout().is_none() {
                    config.connect_timeout(PG_CONNECT_TIMEOUT);
                }
                config.application_name("wirewatch");
                // Notices ("already exists, skipping") are not worth a log
                // line. A lock wait ends in an error the writer retries,
                // never hangs; and a session of ours left in a transaction
                // by a broken network ends on the server, so the locks it
                // holds (the story step's advisory lock) do not outlive it.
                config.options(&format!(
                    "-c client_min_messages=warning -c lock_timeout={}ms \
                     -c idle_in_transaction_session_timeout={}ms",
                    PG_LOCK_TIMEOUT.as_millis(),
                    PG_IDLE_IN_TRANSACTION.as_millis()
                ));
                let client = config.connect(postgres::NoTls)?;
                Ok(Db::Postgres(Box::new(client)))
            }
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a script of statements without parameters.
    pub fn batch(&mut self, sql: &str) -> Result<(), IndexError> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(c) => Ok(c.batch_execute(sql)?),
        }
    }

    /// SQLite: plans that never depend on the values bound
    /// (`SQLITE_DBCONFIG_ENABLE_QPSG`). Otherwise SQLite marks a parameter
    /// compared with an indexed column as one that may change the plan,
    /// and prepares the statement again each time a new value is bound to
    /// it: the writer runs the same statements with new values thousands
    /// of times a batch, and re-preparing cost it about 5 % of its time.
    /// Its plans are the same for every value. PostgreSQL: nothing to do.
    pub fn stable_plans(&mut self) -> Result<(), IndexError> {
        if let Db::Sqlite(c) = self {
            c.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
                true,
            )?;
        }
        Ok(())
    }

    /// Runs one query; each row as a JSON object.
    pub fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, IndexError> {
        match self {
            Db::Sqlite(c) => sqlite_query(c, sql, params),
            Db::Postgres(c) => pg_query(&mut **c, sql, params),
        }
    }

    /// Runs a query of two text columns, each row as a pair: for long
    /// lists (an origin's record files and stamps), which as JSON objects
    /// would take about three times the memory. A NULL in either column
    /// drops the row.
    pub fn text_pairs(
        &mut self,
        sql: &str,
        params: &[Param],
    ) -> Result<Vec<(String, String)>, IndexError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |row| {
                    Ok((
                        row.get::<_, Option<String>>(0)?,
                        row.get::<_, Option<String>>(1)?,
                    ))
                })?;
                let mut out = Vec::new();
                for row in rows {
                    if let (Some(a), Some(b)) = row? {
                        out.push((a, b));
                    }
                }
                Ok(out)
            }
            Db::Postgres(c) => {
                let sql = numbered_to_dollar(sql);
                let mut out = Vec::new();
                for row in c.query(sql.as_str(), &pg_refs(params))? {
                    let a: Option<String> = row.try_get(0)?;
                    let b: Option<String> = row.try_get(1)?;
                    if let (Some(a), Some(b)) = (a, b) {
                        out.push((a, b));
                    }
                }
                Ok(out)
            }
        }
    }

    /// Runs `f` in one transaction, committed when it returns `Ok`.
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        match self {
            Db::Sqlite(c) => {
                let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let mut tx = Tx::Sqlite(tx);
                let out = f(&mut tx)?;
                if let Tx::Sqlite(tx) = tx {
                    tx.commit()?;
                }
                Ok(out)
            }
            Db::Postgres(c) => {
                let mut tx = Tx::Postgres(c.transaction()?);
                let out = f(&mut tx)?;
                if let Tx::Postgres(tx) = tx {
                    tx.commit()?;
                }
                Ok(out)
            }
        }
    }
}

/// Turns SQLite's memory statistics off, once, before the first
/// connection is opened (SQLite takes the setting only before it is
/// initialized). With them on, every allocation SQLite makes takes and
/// releases a process-wide mutex to count it; the writer allocates for
/// every row it binds and every page it touches, and nothing here reads
/// the counts (`sqlite3_memory_used`).
fn sqlite_without_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int; sqlite3_config is
        // called before any connection of this process is opened (this
        // runs first in `Db::open`, the only place connections are made),
        // and once. Called later it returns SQLITE_MISUSE and changes
        // nothing, which is harmless: the statistics stay on.
        let _ = unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                std::ffi::c_int::from(0u8),
            )
        };
    });
}

/// An open transaction (see [`Db::transaction`]).
pub enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(postgres::Transaction<'a>),
}

impl Tx<'_> {
    /// Which SQL the transaction's connection speaks.
    pub fn dialect(&self) -> Dialect {
        match self {
            Tx::Sqlite(_) => Dialect::Sqlite,
            Tx::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Executes one statement; the rows it changed.
    pub fn exec(&mut self, sql: &str, params: &[Param]) -> Result<u64, IndexError> {
        self.exec_any(sql, params)
    }

    /// [`Tx::exec`] with parameters borrowed from the rows that hold them,
    /// so a batch's texts (bodies, sentences) are bound without copies.
    pub fn exec_refs(&mut self, sql: &str, params: &[&Param]) -> Result<u64, IndexError> {
        self.exec_any(sql, params)
    }

    fn exec_any<P: Borrow<Param>>(&mut self, sql: &str, params: &[P]) -> Result<u64, IndexError> {
        match self {
            Tx::Sqlite(tx) => {
                let mut stmt = tx.prepare_cached(sql)?;
                let params = params.iter().map(|p| -> &Param { p.borrow() });
                Ok(stmt.execute(rusqlite::params_from_iter(params))? as u64)
            }
            Tx::Postgres(tx) => {
                let sql = numbered_to_dollar(sql);
                let refs = pg_refs(params);
                Ok(tx.execute(sql.as_str(), &refs)?)
            }
        }
    }

    /// Runs one query inside the transaction; each row as a JSON object.
    pub fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, IndexError> {
        self.query_any(sql, params)
    }

    /// [`Tx::query`] with borrowed parameters (see [`Tx::exec_refs`]).
    pub fn query_refs(&mut self, sql: &str, params: &[&Param]) -> Result<Vec<Row>, IndexError> {
        self.query_any(sql, params)
    }

    fn query_any<P: Borrow<Param>>(
        &mut self,
        sql: &str,
        params: &[P],
    ) -> Result<Vec<Row>, IndexError> {
        match self {
            Tx::Sqlite(tx) => sqlite_query(tx, sql, params),
            Tx::Postgres(tx) => pg_query(tx, sql, params),
        }
    }
}

impl rusqlite::ToSql for Param {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Param::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Param::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Param::Real(x) => ToSqlOutput::Borrowed(ValueRef::Real(*x)),
            Param::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

fn sqlite_query<P: Borrow<Param>>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[P],
) -> Result<Vec<Row>, IndexError> {
    use rusqlite::types::ValueRef;
    let mut stmt = conn.prepare_cached(sql)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let params = params.iter().map(|p| -> &Param { p.borrow() });
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut map = Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(_) => Value::Null,
            };
            map.insert(name.clone(), value);
        }
        out.push(map);
    }
    Ok(out)
}

/// PostgreSQL renders each row as JSON itself (`row_to_json`), so dates and
/// times come back as ISO text and numbers as numbers.
fn pg_query<P: Borrow<Param>>(
    client: &mut impl postgres::GenericClient,
    sql: &str,
    params: &[P],
) -> Result<Vec<Row>, IndexError> {
    // A common table expression also takes INSERT … RETURNING.
    let sql = format!(
        "WITH q AS ({}) SELECT row_to_json(q)::text FROM q",
        numbered_to_dollar(sql)
    );
    let refs = pg_refs(params);
    let mut out = Vec::new();
    for row in client.query(sql.as_str(), &refs)? {
        let text: String = row.try_get(0)?;
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(map)) => out.push(map),
            _ => return Err(IndexError::Query(format!("unexpected row {text}"))),
        }
    }
    Ok(out)
}

fn pg_refs<P: Borrow<Param>>(params: &[P]) -> Vec<&(dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| p.borrow() as &(dyn ToSql + Sync))
        .collect()
}

/// `?1` → `$1`, outside string literals.
pub(crate) fn numbered_to_dollar(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c == '?' && !quoted && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

/// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
const PG_EPOCH_DAYS: i64 = 10_957;

impl ToSql for Param {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match self {
            Param::Null => Ok(IsNull::Yes),
            Param::Int(n) => match *ty {
                Type::BOOL => (*n != 0).to_sql(ty, out),
                Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
                Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
                Type::FLOAT8 => (*n as f64).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
                _ => n.to_sql(ty, out),
            },
            Param::Real(x) => match *ty {
                Type::FLOAT4 => (*x as f32).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => x.to_string().to_sql(ty, out),
                _ => x.to_sql(ty, out),
            },
            Param::Text(s) => match *ty {
                Type::DATE => {
                    let date = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")?;
                    let epoch = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).ok_or("epoch")?;
                    i32::try_from(date.signed_duration_since(epoch).num_days())?
                        .to_sql(&Type::INT4, out)
                }
                Type::TIMESTAMPTZ | Type::TIMESTAMP => {
                    let t = chrono::DateTime::parse_from_rfc3339(s)?;
                    let micros = t.timestamp_micros() - PG_EPOCH_DAYS * 86_400_000_000;
                    micros.to_sql(&Type::INT8, out)
                }
                _ => s.as_str().to_sql(&Type::TEXT, out),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_parameters_become_dollars_outside_literals() {
        assert_eq!(
            numbered_to_dollar("SELECT ?1, '?2', x FROM t WHERE a = ?12 AND b = '?'"),
            "SELECT $1, '?2', x FROM t WHERE a = $12 AND b = '?'"
        );
    }

    #[test]
    fn sqlite_rows_come_back_as_json() {
        let mut db = Db::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.batch("CREATE TABLE t (a INTEGER, b TEXT, c REAL)")
            .unwrap();
        db.transaction(|tx| {
            tx.exec(
                "INSERT INTO t VALUES (?1, ?2, ?3)",
                &[Param::Int(1), Param::from("x"), Param::Null],
            )
        })
        .unwrap();
        let rows = db
            .query("SELECT a, b, c FROM t WHERE a = ?1", &[Param::Int(1)])
            .unwrap();
        assert_eq!(
            Value::Object(rows[0].clone()),
            serde_json::json!({"a": 1, "b": "x", "c": null})
        );
    }
}
