import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: `validValue` makes values a schema accepts
 * (the way in to a handler's deeper code), `hostileValue` the inputs an attacker tries — wrong types, missing and
 * unknown fields, huge strings, NUL bytes, lone surrogates, deep nesting, impossible dates and malformed UUIDs.
 */

type Schema = Record<string, any>;

const MAX_DEPTH = 4;

/** Text that stores badly: NUL bytes, lone surrogates, control characters, RTL overrides, huge and empty strings. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\ud83d',
    '\u202e\u0007\u001b[31m',
    '%00',
    "'; drop table conversations; --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '9223372036854775808',
    '-1',
    '1e309',
    'NaN',
    '0000-01-01T00:00:00Z',
    '2026-06-30T23:59:60Z',
    '2026-02-30T00:00:00Z',
    '275760-09-13T00:00:00Z',
    '00000000-0000-0000-0000-00000000000g',
    'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 200_000 }).map((length) => 'x'.repeat(length)),
);

/** A value nested `depth` deep: arrays in arrays, or objects in objects. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { x: value };
  return value;
}

/** JSON text nested `depth` deep, written directly: 5,000 levels are 10 kB. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Any JSON value an attacker might send where something else was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}),
  // Deeper nesting is sent as raw text (`deepJson`): building and serialising it as a value would overflow the
  // fuzzer's own stack.
  fc.integer({ min: 10, max: 400 }).chain((depth) => fc.constantFrom(nested(depth, 'array'), nested(depth, 'object'))),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
);

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}

function validString(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, minLength + 60);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength });
}

function validNumber(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function validObject(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, validValue(property, depth + 1)]),
  );
  if (Object.keys(model).length === 0 && schema.additionalProperties !== false) {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(fc.string(), fc.integer()), {
      maxKeys: 3,
    });
  }
  return fc.record(model, { requiredKeys: [...required].filter((name) => name in model) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

/** Values the schema accepts. */
export function validValue(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...schema[key].map((branch: Schema) => validValue(branch, depth)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return validValue(schema.allOf[0], depth);
  const options = types(schema).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return validString(schema);
      case 'integer':
        return validNumber(schema, true);
      case 'number':
        return validNumber(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.min(schema.maxItems ?? 3, minLength + 3);
        const items = validValue(schema.items, depth + 1);
        return schema.uniqueItems
          ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
          : fc.array(items, { minLength, maxLength });
      }
      case 'object':
        return validObject(schema, depth);
      default:
        return fc.constant(null);
    }
  });
  if (options.length === 0) return schema.properties ? validObject(schema, depth) : fc.jsonValue({ maxDepth: 2 });
  return options.length === 1 ? options[0]! : fc.oneof(...options);
}

/** Characters no text column should take: NUL (PostgreSQL refuses it), lone surrogates (no UTF-8 exists for them). */
const POISON = ['\u0000', '\ud800', '\udfff', '\ud83d'];

/** `text` with a poisonous character slipped in somewhere: it still looks valid to a shallow check. */
export function tainted(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: text.length }), fc.constantFrom(...POISON))
    .map(([at, poison]) => `${text.slice(0, at)}${poison}${text.slice(at)}`);
}

/** Impossible or out-of-range timestamps that a lenient parser turns into a crash or a stored absurdity. */
export const hostileTimestamp: fc.Arbitrary<string> = fc.constantFrom(
  '2026-06-30T23:59:60Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01',
  '2026-00-00',
  'today',
);

/** Hostile values aimed at what a schema expects: bad dates where a date goes, bad UUIDs, huge numbers, poisoned text. */
export function hostileFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const expected = schema ? types(schema) : [];
  const specific: Array<fc.Arbitrary<unknown>> = [];
  if (schema?.format === 'date-time' || schema?.format === 'date' || schema?.pattern?.includes('[0-9]{4}-')) {
    specific.push(hostileTimestamp);
  }
  if (schema?.format === 'uuid') {
    specific.push(fc.constantFrom('00000000-0000-0000-0000-00000000000g', 'not-a-uuid', `${'f'.repeat(36)}`));
  }
  if (expected.includes('integer') || expected.includes('number')) {
    specific.push(fc.constantFrom(2 ** 53, 2 ** 63, -(2 ** 63), 1e308, -1, 0.5, '9223372036854775808', '1e3', 'abc'));
  }
  if (expected.includes('string') || specific.length === 0) {
    specific.push(validValue(schema).chain((value) => (typeof value === 'string' ? tainted(value) : hostileString)));
  }
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...specific) }, { weight: 1, arbitrary: hostileValue });
}

/** A field name no schema declares. Built once: fast-check's string arbitraries are costly to make. */
const fieldName = fc.string({ maxLength: 10 });

/** The JSON paths of an object value: where a mutation can strike. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(prefix);
  if (prefix.length > MAX_DEPTH) return out;
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}

function setAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!], rest, replacement);
  return copy;
}

function deleteAt(value: unknown, path: Array<string | number>): unknown {
  if (path.length === 0) return undefined;
  if (path.length === 1) {
    if (Array.isArray(value)) return value.filter((_, index) => index !== path[0]);
    const { [path[0]!]: _removed, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[path[0]!] = deleteAt(copy[path[0]!], path.slice(1));
  return copy;
}

/**
 * A valid value with one thing wrong: a field replaced by a hostile value, a field dropped, or an unknown field
 * added — the mutations that reach past a schema's outer checks.
 */
export function mutatedValue(schema: Schema): fc.Arbitrary<unknown> {
  return validValue(schema).chain((value) => {
    const paths = pathsOf(value);
    const strings = paths.filter(
      (path) => typeof path.reduce<any>((node, segment) => node?.[segment], value) === 'string',
    );
    return fc.oneof(
      fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, hostile]) => setAt(value, path, hostile)),
      ...(strings.length > 0
        ? [
            fc
              .constantFrom(...strings)
              .chain((path) =>
                tainted(path.reduce<any>((node, segment) => node[segment], value)).map((text) =>
                  setAt(value, path, text),
                ),
              ),
          ]
        : []),
      fc.constantFrom(...paths).map((path) => deleteAt(value, path)),
      fc.tuple(fc.constantFrom(...paths), fieldName, hostileValue).map(([path, key, hostile]) => {
        const target = path.reduce<any>((node, segment) => node?.[segment], value);
        return target && typeof target === 'object' && !Array.isArray(target)
          ? setAt(value, path, { ...target, [key || 'unknown']: hostile })
          : setAt(value, path, hostile);
      }),
    );
  });
}
