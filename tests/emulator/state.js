'use strict';
// What the launcher keeps beside the emulator's storage: the call log, the bot's messages as
// Telegram shows them (edits applied), uploaded files, command menus, and long-poll waiters.
const { EventEmitter } = require('events');

const USER_EVENTS = ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery'];

class State extends EventEmitter {
  constructor(server) {
    super();
    this.setMaxListeners(0);
    this.server = server;
    this.calls = [];
    this.messages = new Map(); // "token|chat" -> [{message, html, edits}]
    this.files = new Map(); // file_id -> {name, mime, data}
    this.commands = new Map();
    this.nextFileId = 1;
    for (const event of USER_EVENTS) server.on(event, () => this.emit('changed'));
  }

  record(token, method, params, status, description) {
    const call = { index: this.calls.length, token, method, params, status, description, at: Date.now() };
    this.calls.push(call);
    this.emit('changed');
    return call;
  }

  addBotMessage(token, record) {
    const key = `${token}|${record.message.chat.id}`;
    if (!this.messages.has(key)) this.messages.set(key, []);
    this.messages.get(key).push(record);
  }

  botMessages(token, chatId) {
    return this.messages.get(`${token}|${Number(chatId)}`) || [];
  }

  botMessage(token, chatId, messageId) {
    return this.botMessages(token, chatId).find((r) => r.message.message_id === messageId);
  }

  deleteBotMessage(token, chatId, messageId) {
    const key = `${token}|${Number(chatId)}`;
    this.messages.set(key, this.botMessages(token, chatId).filter((r) => r.message.message_id !== messageId));
  }

  addFile({ name, mime, data }) {
    const fileId = `F${this.nextFileId++}`;
    this.files.set(fileId, { name: name || 'file', mime: mime || 'application/octet-stream', data });
    return fileId;
  }

  /** Queue a raw update (any kind) for `token`, numbered by the emulator's counter. */
  injectUpdate(token, raw) {
    const updateId = this.server.updateId++;
    this.server.storage.userMessages.push({ botToken: token, updateId, time: Date.now(), isRead: false, raw });
    this.emit('changed');
    return updateId;
  }

  pending(token, offset, limit) {
    return this.server.storage.userMessages
      .filter((u) => u.botToken === token && !u.isRead && u.updateId >= offset)
      .sort((a, b) => a.updateId - b.updateId)
      .slice(0, limit);
  }

  /** Answer getUpdates like Telegram: confirm below `offset`, wait up to `timeout` seconds. */
  takeUpdates(token, params, abortSignal) {
    const offset = Number(params.offset || 0);
    const limit = Math.min(Number(params.limit || 100), 100);
    const timeout = Math.min(Number(params.timeout || 0), 60);
    for (const u of this.server.storage.userMessages) {
      if (u.botToken === token && u.updateId < offset) u.isRead = true;
    }
    const format = (updates) => updates.map((u) => this.server.constructor.formatUpdate(u));
    const ready = this.pending(token, offset, limit);
    if (ready.length || timeout <= 0) return format(ready);
    return this.waitFor(() => this.pending(token, offset, limit), timeout, abortSignal)
      .then((found) => format(found || []));
  }

  /** Resolve with `check()` once it is non-empty, or with null after `timeout` seconds. */
  waitFor(check, timeout, abortSignal) {
    return new Promise((resolve) => {
      const finish = (value) => {
        clearTimeout(timer);
        this.off('changed', onChange);
        resolve(value);
      };
      const onChange = () => {
        const found = check();
        if (found && found.length) finish(found);
      };
      const timer = setTimeout(() => finish(null), timeout * 1000);
      this.on('changed', onChange);
      if (abortSignal) abortSignal.once('abort', () => finish(null));
      onChange();
    });
  }
}

module.exports = { State };
