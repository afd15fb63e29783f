'use strict';
// Parse Telegram's HTML parse mode the way the Bot API does, so broken markup fails in tests
// with the same 400 "can't parse entities" it gets live. Returns the visible text.

const ALLOWED_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre',
  'tg-spoiler', 'span', 'blockquote', 'tg-emoji',
]);
// Telegram knows only these named entities; every numeric entity is accepted.
const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"' };
const START_TAG = /^([a-zA-Z][\w-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*$/;
const ENTITY = /^&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/;

class ParseError extends Error {}

function byteOffset(html, index) {
  return Buffer.byteLength(html.slice(0, index), 'utf8');
}

function decodeEntity(body) {
  if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body.toLowerCase()];
}

function readTag(html, start, stack) {
  const end = html.indexOf('>', start);
  if (end < 0) throw new ParseError(`Unclosed start tag at byte offset ${byteOffset(html, start)}`);
  const inner = html.slice(start + 1, end);
  if (inner.startsWith('/')) {
    const name = inner.slice(1).trim().toLowerCase();
    const open = stack.pop();
    if (open !== name) {
      throw new ParseError(`Unmatched end tag at byte offset ${byteOffset(html, start)}, `
        + `expected "</${open}>", found "</${name}>"`);
    }
    return end + 1;
  }
  const match = START_TAG.exec(inner);
  const name = match ? match[1].toLowerCase() : inner.split(/\s/)[0];
  if (!match || !ALLOWED_TAGS.has(name)) {
    throw new ParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, start)}`);
  }
  if (name === 'span' && !/class\s*=\s*["']?tg-spoiler/.test(match[2])) {
    throw new ParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(html, start)}`);
  }
  stack.push(name);
  return end + 1;
}

/** Return the visible text of `html`, or throw ParseError with Telegram's wording. */
function parseHtml(html) {
  const stack = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '<') {
      i = readTag(html, i, stack);
    } else if (ch === '&') {
      const match = ENTITY.exec(html.slice(i, i + 12));
      const decoded = match && decodeEntity(match[1]);
      if (!decoded) {
        throw new ParseError(`Unsupported HTML entity at byte offset ${byteOffset(html, i)}`);
      }
      text += decoded;
      i += match[0].length;
    } else {
      text += ch;
      i += 1;
    }
  }
  if (stack.length) {
    throw new ParseError(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  }
  return text;
}

module.exports = { parseHtml, ParseError };
