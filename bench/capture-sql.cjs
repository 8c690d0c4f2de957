// Preloaded into the API by desk-queries.bench.mjs (node -r): when BENCH_SQL_CAPTURE names a file,
// every statement the API sends to PostgreSQL (text and parameters) is appended to it as one JSON
// line, so that the bench replays exactly what the services ran. Never loaded outside the bench.
const { appendFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.BENCH_SQL_CAPTURE;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values) {
    const text = typeof config === 'string' ? config : config && config.text;
    const params = Array.isArray(values) ? values : (config && config.values) || [];
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: params })}\n`);
    return query.apply(this, arguments);
  };
}
