#!/usr/bin/env node
// Validates an AsyncAPI document as `asyncapi validate` does (same @asyncapi/parser and ruleset;
// see README, Events, for why not the CLI), failing on errors and on warnings, and checks every
// message example against its message's header and payload schemas (the AsyncAPI 3 ruleset does
// not). Usage: node scripts/asyncapi/validate.mjs [docs/asyncapi.json]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const SEVERITY = ['error', 'warning', 'information', 'hint'];

/** Returns the problems found (empty: valid) and one summary line. */
export async function validateDocument(text) {
  const problems = [];
  const { document, diagnostics } = await new Parser().parse(text);
  const count = (severity) => diagnostics.filter((d) => d.severity === severity).length;
  for (const d of diagnostics) {
    const where = d.path.length ? d.path.join('.') : '(root)';
    const line = `${SEVERITY[d.severity]} ${d.code}: ${d.message} at ${where}`;
    // Infos and hints are counted only: the one seen today recommends AsyncAPI 3.1, and tradehub documents 3.0.
    if (d.severity <= DiagnosticSeverity.Warning) problems.push(line);
  }
  if (document) problems.push(...checkExamples(JSON.parse(text)));
  const version = document?.version() ?? 'unknown version';
  const summary =
    `AsyncAPI ${version}: ${count(DiagnosticSeverity.Error)} errors, ${count(DiagnosticSeverity.Warning)} warnings, ` +
    `${count(DiagnosticSeverity.Information)} infos; ${countExamples(JSON.parse(text))} message examples checked`;
  return { problems, summary };
}

function checkExamples(doc) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'asyncapi');
  const problems = [];
  for (const [key, message] of Object.entries(doc.components?.messages ?? {})) {
    for (const [i, example] of (message.examples ?? []).entries()) {
      for (const part of ['headers', 'payload']) {
        if (example[part] === undefined || message[part] === undefined) continue;
        const validate = ajv.getSchema(`asyncapi#/components/messages/${key}/${part}`);
        if (!validate(example[part])) {
          for (const e of validate.errors)
            problems.push(
              `example ${i} of message ${key}: ${part}${e.instancePath} ${e.message}` +
                (e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''),
            );
        }
      }
    }
  }
  return problems;
}

function countExamples(doc) {
  return Object.values(doc.components?.messages ?? {}).reduce((n, m) => n + (m.examples?.length ?? 0), 0);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = path.resolve(process.argv[2] ?? 'docs/asyncapi.json');
  const { problems, summary } = await validateDocument(fs.readFileSync(file, 'utf8'));
  for (const p of problems) console.error(`  ${p}`);
  console.log(`${path.relative(process.cwd(), file)}: ${problems.length ? 'INVALID' : 'valid'}, ${summary}`);
  process.exit(problems.length ? 1 : 0);
}
