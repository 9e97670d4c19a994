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
 * The official SDKs send some JSON bodies as form fields, each holding the JSON text of one
 * top-level field (Go as multipart/form-data, Python as urlencoded). This turns such a form
 * into the JSON body it stands for, so that the validator checks the real schema and the
 * handler sees one shape whatever the encoding.
 */
export const decodeJsonFieldsForm: RequestHandler = async (req, _res, next) => {
  const raw = contextOf(req).rawBody;
  // An empty form is decoded too: left alone, the validator's own multipart reader waits on a
  // stream that was already read and fails with a 500.
  const fields = req.is('application/x-www-form-urlencoded')
    ? Object.fromEntries(new URLSearchParams(raw.toString('utf8')))
    : req.is('multipart/form-data')
      ? await multipartFields(req, raw)
      : undefined;
  if (!fields) return next();
  req.body = Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, jsonField(name, text)]));
  req.headers['content-type'] = 'application/json';
  next();
};

function jsonField(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidBody(`form field ${name} is not JSON text`);
  }
}

function multipartFields(req: Request, raw: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    // No prototype: a field named __proto__ must stay a field (and be refused as unknown), not vanish.
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
