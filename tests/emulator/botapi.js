'use strict';
// Bot API methods served in front of telegram-test-api's own routes. They reuse its storage and
// counters, and answer the way Telegram does (see ../../../shared/notes/telegram-test-api.md).
const { parseHtml, ParseError } = require('./html');

const BOT_USERNAME = 'PledgeTestBot';
const MAX_TEXT = 4096;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024; // getFile's limit for bots
// Methods that change nothing the tests read: recorded in the call log and answered `true`.
const RECORDED = new Set([
  'answerCallbackQuery', 'answerInlineQuery', 'sendChatAction', 'setMyCommands',
  'deleteMyCommands', 'setWebhook', 'deleteWebhook', 'setMyDescription',
  'setMyShortDescription', 'setChatMenuButton', 'close', 'logOut',
]);

class ApiError extends Error {
  constructor(code, description) {
    super(description);
    this.code = code;
  }
}

const seconds = () => Math.floor(Date.now() / 1000);

function botUser(token) {
  const id = Number(String(token).split(':')[0]) || 666;
  return { id, is_bot: true, first_name: 'Pledge Test Bot', username: BOT_USERNAME };
}

function chatFor(chatId) {
  const id = Number(chatId);
  if (!Number.isFinite(id)) throw new ApiError(400, 'Bad Request: chat not found');
  if (id > 0) return { id, type: 'private', first_name: 'Test user' };
  return { id, type: id < -1e12 ? 'supergroup' : 'group', title: 'Test group' };
}

function parseJson(value) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Return the visible text of `text` under `parseMode`, checked like Telegram checks it. */
function visibleText(text, parseMode) {
  if (text === undefined || String(text).length === 0) {
    throw new ApiError(400, 'Bad Request: message text is empty');
  }
  let visible = String(text);
  if (String(parseMode || '').toUpperCase() === 'HTML') {
    try {
      visible = parseHtml(visible);
    } catch (err) {
      if (err instanceof ParseError) throw new ApiError(400, `Bad Request: can't parse entities: ${err.message}`);
      throw err;
    }
  }
  if (!visible.trim()) throw new ApiError(400, 'Bad Request: message text is empty');
  if (visible.length > MAX_TEXT) throw new ApiError(400, 'Bad Request: message is too long');
  return visible;
}

function inlineMarkup(value) {
  const markup = value === undefined ? undefined : parseJson(value);
  return markup && markup.inline_keyboard ? markup : undefined;
}

class BotApi {
  constructor(server, state) {
    this.server = server;
    this.state = state;
  }

  getMe(token) {
    return {
      ...botUser(token), can_join_groups: true, can_read_all_group_messages: false,
      supports_inline_queries: true, can_connect_to_business: false, has_main_web_app: false,
    };
  }

  sendMessage(token, p) {
    const visible = visibleText(p.text, p.parse_mode);
    return this.addMessage(token, p, { text: visible }, p.text);
  }

  sendDocument(token, p, files) {
    const upload = files.document;
    const fileId = upload ? this.state.addFile(upload) : String(p.document || '');
    const file = this.state.files.get(fileId);
    if (!file) throw new ApiError(400, 'Bad Request: wrong file identifier/HTTP URL specified');
    const document = { file_id: fileId, file_unique_id: `u${fileId}`, file_name: file.name,
      mime_type: file.mime, file_size: file.data.length };
    const extra = { document };
    if (p.caption !== undefined) extra.caption = visibleText(p.caption, p.parse_mode);
    return this.addMessage(token, { ...p, text: p.caption }, extra, p.caption);
  }

  addMessage(token, p, extra, html) {
    const chat = chatFor(p.chat_id);
    const stored = this.server.addBotMessage({ ...p }, token);
    const message = { message_id: stored.message_id, date: seconds(), chat, from: botUser(token), ...extra };
    const markup = inlineMarkup(p.reply_markup);
    if (markup) message.reply_markup = markup;
    this.state.addBotMessage(token, { message, html: html === undefined ? null : String(html), edits: 0 });
    return message;
  }

  editMessageText(token, p) {
    if (p.inline_message_id) return true;
    const visible = visibleText(p.text, p.parse_mode);
    const record = this.findRecord(token, p);
    const markup = inlineMarkup(p.reply_markup);
    if (record.html === String(p.text) && JSON.stringify(record.message.reply_markup) === JSON.stringify(markup)) {
      throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and '
        + 'reply markup are exactly the same as a current content and reply markup of the message');
    }
    this.server.editMessageText({ ...p });
    record.html = String(p.text);
    record.message = { ...record.message, text: visible, edit_date: seconds(), reply_markup: markup };
    record.edits += 1;
    return record.message;
  }

  editMessageReplyMarkup(token, p) {
    if (p.inline_message_id) return true;
    const record = this.findRecord(token, p);
    this.server.editMessageReplyMarkup({ ...p });
    record.message = { ...record.message, edit_date: seconds(), reply_markup: inlineMarkup(p.reply_markup) };
    record.edits += 1;
    return record.message;
  }

  deleteMessage(token, p) {
    this.findRecord(token, p);
    this.state.deleteBotMessage(token, p.chat_id, Number(p.message_id));
    return true;
  }

  findRecord(token, p) {
    const record = this.state.botMessage(token, p.chat_id, Number(p.message_id));
    if (!record) throw new ApiError(400, 'Bad Request: message to edit not found');
    return record;
  }

  getFile(token, p) {
    const file = this.state.files.get(String(p.file_id));
    if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
    if (file.data.length > MAX_DOWNLOAD_BYTES) throw new ApiError(400, 'Bad Request: file is too big');
    return { file_id: String(p.file_id), file_unique_id: `u${p.file_id}`, file_size: file.data.length,
      file_path: `documents/${p.file_id}/${encodeURIComponent(file.name)}` };
  }

  answerInlineQuery(token, p) {
    const results = parseJson(p.results) || [];
    if (results.length > 50) throw new ApiError(400, 'Bad Request: RESULTS_TOO_MUCH');
    for (const result of results) {
      const content = result.input_message_content;
      if (content && content.message_text !== undefined) {
        visibleText(content.message_text, content.parse_mode || p.parse_mode);
      }
    }
    return true;
  }

  setMyCommands(token, p) {
    this.state.commands.set(token, parseJson(p.commands) || []);
    return true;
  }

  deleteMyCommands(token) {
    this.state.commands.delete(token);
    return true;
  }

  getMyCommands(token) {
    return this.state.commands.get(token) || [];
  }

  getUpdates(token, p) {
    return this.state.takeUpdates(token, p);
  }

  /** Run one method; return its result or a promise of it; throw ApiError like Telegram. */
  call(token, method, params, files) {
    if (typeof this[method] === 'function' && method !== 'call') {
      const result = this[method](token, params, files);
      if (RECORDED.has(method) && result === undefined) return true;
      return result;
    }
    if (RECORDED.has(method)) return true;
    throw new ApiError(404, 'Not Found: method not found');
  }
}

module.exports = { BotApi, ApiError, BOT_USERNAME, chatFor };
