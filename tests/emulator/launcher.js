'use strict';
// Start telegram-test-api 4.2.1 on 127.0.0.1 with routes installed in front of its own, so that
// python-telegram-bot 22.8 can talk to it as to Telegram. The npm package stays untouched; this
// reaches into Express internals, which is why package.json pins the emulator exactly.
//
//   node tests/emulator/launcher.js --port 8081 [--plain]
//
// Prints "READY http://127.0.0.1:PORT" once listening; exits on SIGTERM, SIGINT or when stdin
// closes (so a crashed test run never leaves it behind). --plain starts the unmodified emulator.
const path = require('path');
const { EventEmitter } = require('events');
const TelegramServer = require('telegram-test-api');

const express = require(require.resolve('express', { paths: [require.resolve('telegram-test-api')] }));
const { BotApi, ApiError } = require('./botapi');
const { State } = require('./state');

// Telegram's words when a second process polls the same bot: the waiting request is cut off.
const CONFLICT = 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
// Test uploads carry a file of up to the Bot API's 20 MB download limit, base64 in JSON.
const BODY_LIMIT = '40mb';
const JSON_FIELDS = ['reply_markup', 'results', 'commands', 'entities', 'link_preview_options', 'button'];

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Split a multipart/form-data body into text fields and files. */
function parseMultipart(body, contentType) {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)[1];
  const fields = {};
  const files = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter) + delimiter.length;
  while (start > delimiter.length - 1) {
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // drop the CRLF after and before the delimiters
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(headers)[1];
    const filename = /filename="([^"]*)"/.exec(headers);
    if (filename) {
      const mime = /content-type:\s*([^\r\n]+)/i.exec(headers);
      files[name] = { name: filename[1], mime: mime ? mime[1] : undefined, data };
    } else {
      fields[name] = data.toString('utf8');
    }
    start = next + delimiter.length;
  }
  return { fields, files };
}

function loggable(params) {
  const copy = { ...params };
  for (const key of JSON_FIELDS) {
    if (typeof copy[key] === 'string') {
      try { copy[key] = JSON.parse(copy[key]); } catch (_err) { /* keep the raw string */ }
    }
  }
  return copy;
}

function botRoutes(api, state) {
  const router = express.Router();
  const polling = new Map(); // token -> the getUpdates request waiting for updates
  router.all('/bot:token/:method', async (req, res) => {
    const { token, method } = req.params;
    let poll = null;
    let params = { ...req.query, ...(req.body || {}) };
    let files = {};
    if (/multipart\/form-data/.test(req.headers['content-type'] || '')) {
      const parsed = parseMultipart(await readBody(req), req.headers['content-type']);
      params = { ...params, ...parsed.fields };
      files = parsed.files;
    }
    const abort = new EventEmitter();
    res.on('close', () => { if (!res.writableEnded) abort.emit('abort'); });
    if (method === 'getUpdates') {
      const earlier = polling.get(token);
      if (earlier) earlier.terminate();
      const mine = { conflict: false };
      mine.terminate = () => { mine.conflict = true; abort.emit('abort'); };
      polling.set(token, mine);
      poll = mine;
    }
    try {
      const result = await (method === 'getUpdates'
        ? state.takeUpdates(token, params, abort) : api.call(token, method, params, files));
      if (poll && polling.get(token) === poll) polling.delete(token);
      if (poll && poll.conflict) throw new ApiError(409, CONFLICT);
      if (method !== 'getUpdates' || result.length) state.record(token, method, loggable(params), 200);
      res.json({ ok: true, result });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 500;
      state.record(token, method, loggable(params), code, err.message);
      res.status(code).json({ ok: false, error_code: code, description: err.message });
    }
  });
  router.get('/file/bot:token/documents/:fileId/:name', (req, res) => {
    const file = state.files.get(req.params.fileId);
    if (!file) return res.status(404).json({ ok: false, error_code: 404, description: 'Not Found' });
    return res.type(file.mime).send(file.data);
  });
  return router;
}

function testRoutes(server, state) {
  const router = express.Router();
  router.post('/_test/inject', (req, res) => {
    res.json({ ok: true, result: state.injectUpdate(req.body.token, req.body.update) });
  });
  router.post('/_test/upload', (req, res) => {
    const { name, mime, base64 } = req.body;
    const data = Buffer.from(base64, 'base64');
    const fileId = state.addFile({ name, mime, data });
    res.json({ ok: true, result: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: name,
      mime_type: mime, file_size: data.length } });
  });
  router.post('/_test/messages', (req, res) => {
    res.json({ ok: true, result: state.botMessages(req.body.token, req.body.chatId) });
  });
  router.post('/_test/calls', async (req, res) => {
    const { token, method, chatId } = req.body;
    const since = Number(req.body.since || 0);
    const matching = () => state.calls.slice(since).filter((c) => c.token === token
      && (!method || c.method === method)
      && (chatId === undefined || String(c.params.chat_id) === String(chatId)));
    const found = req.body.wait ? await state.waitFor(matching, Number(req.body.wait)) : matching();
    res.json({ ok: true, result: { calls: found || [], next: state.calls.length } });
  });
  return router;
}

/** Put body parsers with Telegram-sized limits in front of the emulator's (100 KB) ones. */
function installParsersFirst(app) {
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: true, limit: BODY_LIMIT }));
  const stack = app._router.stack;
  const ours = stack.splice(stack.length - 2, 2);
  const first = stack.findIndex((l) => l.name === 'jsonParser');
  stack.splice(first, 0, ...ours); // a body parsed here is skipped by the later parsers
}

/** Put `router` before the emulator's own routes, right after its body parsers. */
function installInFront(app, router) {
  app.use(router);
  const stack = app._router.stack;
  const layer = stack.pop();
  const firstRoute = stack.findIndex((l) => l.route);
  stack.splice(firstRoute, 0, layer);
}

async function main() {
  const port = Number(argument('port', '8081'));
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
  if (!process.argv.includes('--plain')) {
    const state = new State(server);
    const original = TelegramServer.formatUpdate;
    TelegramServer.formatUpdate = (update) => {
      if (update.raw) return { update_id: update.updateId, ...update.raw };
      const formatted = original(update);
      if (formatted.callback_query) {
        const chat = (formatted.callback_query.message || {}).chat || {};
        formatted.callback_query.chat_instance = String(chat.id || 0);
      }
      return formatted;
    };
    installParsersFirst(server.webServer);
    installInFront(server.webServer, testRoutes(server, state));
    installInFront(server.webServer, botRoutes(new BotApi(server, state), state));
  }
  await server.start();
  const stop = () => server.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.stdout.write(`READY http://127.0.0.1:${port} ${path.basename(__filename)}\n`);
}

main().catch((err) => {
  process.stderr.write(`emulator failed to start: ${err.stack || err}\n`);
  process.exit(1);
});
