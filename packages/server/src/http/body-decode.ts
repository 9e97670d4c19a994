import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import { invalidBody } from '../domain/errors.js';
import { contextOf } from './request-context.js';

/** Decodes a JSON body from the raw bytes; other media types are left to the validator to refuse. */
export const decodeJsonBody: RequestHandler = (req, _res, next) => {
  const raw = contextOf(req).rawBody;
  if (raw.length === 0 || req.body !== undefined || !req.is(['application/json', '+json'])) return next();
  try {
    req.body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidBody('the body is not valid JSON');
  }
  next();
};

/**
 * The official SDKs send some JSON bodies as form fields (Go as multipart/form-data, Python as
 * urlencoded). This turns such a form into the JSON body it stands for, so that the validator
 * checks the real schema and the handler sees one shape whatever the encoding: the fields in
 * `jsonFields` (the spec's `encoding` says application/json) hold the JSON text of the field of
 * the same name, the others a plain value.
 */
export function decodeForm(jsonFields: ReadonlySet<string>): RequestHandler {
  return async (req, _res, next) => {
    const raw = contextOf(req).rawBody;
    // An empty form is decoded too: left alone, the validator's own multipart reader waits on a
    // stream that was already read and fails with a 500.
    const entries = req.is('application/x-www-form-urlencoded')
      ? [...new URLSearchParams(raw.toString('utf8'))]
      : req.is('multipart/form-data')
        ? Object.entries(await multipartFields(req, raw))
        : undefined;
    if (!entries) return next();
    // No prototype: a field named __proto__ must stay a field (and be refused as unknown), not vanish.
    const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [name, value] of entries) {
      if (!jsonFields.has(name)) body[name] = value;
      else if (Object.hasOwn(body, name)) throw lostNestedValues(name, entries);
      else body[name] = jsonField(name, value, entries);
    }
    req.body = body;
    req.headers['content-type'] = 'application/json';
    next();
  };
}

function jsonField(name: string, text: string, entries: readonly [string, string][]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw lostNestedValues(name, entries);
  }
}

/**
 * A JSON field that is not JSON text: what the Python SDK sends for a nested object, whose
 * form encoding keeps only the object's keys (`metadata=name&metadata=labels`).
 */
function lostNestedValues(name: string, entries: readonly [string, string][]): Error {
  const sent = entries
    .filter(([n]) => n === name)
    .map(([n, v]) => `${n}=${v.length > 20 ? `${v.slice(0, 20)}...` : v}`)
    .join('&');
  return invalidBody(
    `form field ${name} is not JSON text (${sent}): a form keeps only the keys of a nested object, as the Python SDK encodes it; send the body as application/json, or JSON text in ${name}`,
  );
}

function multipartFields(req: Request, raw: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 0, fields: 16 } });
    } catch {
      reject(invalidBody('the multipart body has no boundary'));
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('filesLimit', () => reject(invalidBody('files are not accepted')));
    parser.on('error', () => reject(invalidBody('the multipart body is malformed')));
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}
