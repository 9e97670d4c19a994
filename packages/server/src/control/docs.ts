import { controlOpenapiJsonText, controlOpenapiYamlText, controlOperationTable } from '@ucs-fleet/types';
import type { RequestHandler } from 'express';
import { contractFiles, docsPageFile, jsonFile, yamlFile } from '../http/contract-docs.js';
import type { ControlOperationId, HandledControlOperationId } from './handler.js';

type StaticControlOperationId = Exclude<ControlOperationId, HandledControlOperationId>;

/** control-openapi.yaml served by the server that implements it, as YAML, JSON and a Redoc page; no token needed. */
export function controlDocs(): RequestHandler {
  const { info } = JSON.parse(controlOpenapiJsonText) as { info: { title: string; version: string } };
  const files: { [K in StaticControlOperationId]: RequestHandler } = {
    ShowControlOpenApiYaml: yamlFile(controlOpenapiYamlText),
    ShowControlOpenApiJson: jsonFile(controlOpenapiJsonText),
    ShowControlApiDocs: docsPageFile(`${info.title} ${info.version}`, controlOperationTable.ShowControlOpenApiJson.path),
  };
  return contractFiles(files, controlOperationTable);
}
