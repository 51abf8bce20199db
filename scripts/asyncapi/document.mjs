// Builds the AsyncAPI 3.0 document from the contexts' event catalogues, the generated payload
// schemas and the inbound topics. Pure: the same inputs give the same document, byte for byte.

const KAFKA_BINDING = '0.5.0';

const DESCRIPTION = `The Kafka contract between tradehub and other teams: the integration events tradehub publishes
and the topics of other teams it consumes. Generated from the code (\`npm run asyncapi\`: the event
catalogues in \`libs/<context>/src/contract/catalogue.ts\` and the payload types); CI fails when this
document differs from what the code generates. The rules behind each event are explained in
\`docs/events.md\`.

* **Topics**: one per context, \`<namespace>.<context>.v1\`; the namespace is \`KAFKA_TOPIC_NAMESPACE\`,
  default \`tradehub\`. Event types (\`ce_type\`) and sources (\`ce_source\`) always start with \`tradehub\`.
* **Key**: the order id (UUID) for every event, so one order's events stay in order on one partition.
* **Headers**: CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode.
* **Body**: \`{ "schemaVersion": 1, "data": <payload> }\`, UTF-8 JSON.
* **At-least-once**: a re-published event keeps its \`ce_id\`; consumers dedupe by it.
* **Compatibility**: payloads change additively (ignore unknown fields); a breaking change gets a new
  schema version (\`schemaVersion\` / \`ce_dataschemaversion\`).
* **Values**: instants are ISO-8601 UTC strings (\`2026-03-02T10:15:00.000Z\`); money is
  \`{ "minor": "1999", "currency": "USD" }\`, integer minor units as a decimal string; a field typed
  \`string | null\` is always present.`;

/** The CloudEvents attributes every tradehub event carries (libs/platform/src/messaging/outbox-message.ts). */
const CLOUD_EVENT_HEADERS = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes as Kafka headers (binary content mode).',
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: {
      type: 'string',
      format: 'uuid',
      description: 'Unique event id (UUIDv7), the deduplication key: a re-published event keeps it.',
    },
    ce_type: { type: 'string', description: 'The event type, e.g. `tradehub.orders.order-placed`.' },
    ce_source: { type: 'string', description: '`/tradehub/<context>`.' },
    ce_time: {
      type: 'string',
      format: 'date-time',
      description:
        'When the event occurred, ISO-8601 UTC with milliseconds (the simulated clock in a sandbox).',
    },
    ce_subject: {
      type: 'string',
      description:
        '`<aggregate type>/<order id>`: the aggregate that raised the event; the id is always the order id.',
    },
    ce_dataschemaversion: {
      type: 'string',
      const: '1',
      description: 'The payload schema version, as `schemaVersion` in the body.',
    },
    'content-type': { type: 'string', const: 'application/json' },
  },
};
CLOUD_EVENT_HEADERS.required = Object.keys(CLOUD_EVENT_HEADERS.properties);

export const HEADER_NAMES = CLOUD_EVENT_HEADERS.required;

const ref = (path) => ({ $ref: `#/${path}` });

/** Subjects named by an id from outside tradehub (not a UUID). */
const external = ['store', 'seller', 'marketplace-order'];

function eventMessage(context, name, entry) {
  // Aggregates are named by UUID; stores, sellers and checkout's orders by their external ids.
  const ids = context.subjects.filter((s) => !external.includes(s));
  const named = context.subjects.filter((s) => external.includes(s));
  const subject = [
    ...(ids.length ? [`(${ids.join('|')})/[0-9a-f-]{36}`] : []),
    ...(named.length ? [`(${named.join('|')})/[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}`] : []),
  ].join('|');
  return {
    name,
    title: entry.type,
    summary: entry.summary,
    contentType: 'application/json',
    headers: {
      type: 'object',
      allOf: [
        ref('components/schemas/CloudEventHeaders'),
        {
          properties: {
            ce_type: { const: entry.type },
            ce_source: { const: context.source },
            ce_subject: { pattern: `^(${subject})$` },
          },
        },
      ],
    },
    payload: {
      type: 'object',
      required: ['schemaVersion', 'data'],
      properties: {
        schemaVersion: { type: 'integer', const: 1 },
        data: ref(`components/schemas/${entry.payload}`),
      },
    },
    bindings: {
      kafka: {
        key: named.length
          ? {
              type: 'string',
              description:
                "The id in ce_subject: an order's UUID, or a store, seller or marketplace order id.",
            }
          : { type: 'string', format: 'uuid', description: 'The order id.' },
        bindingVersion: KAFKA_BINDING,
      },
    },
    examples: [{ name, payload: { schemaVersion: 1, data: entry.example } }],
  };
}

function inboundMessage(topic) {
  return {
    name: topic.message,
    title: topic.address,
    summary: topic.summary,
    description: `${topic.description} Unknown fields are refused. tradehub also accepts its own envelope: with a \`ce_id\` header and a body \`{ "data": { … } }\`, \`data\` is used.`,
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: {
        ce_id: {
          type: 'string',
          description:
            'Optional event id; without it the message position (`<topic>/<partition>/<offset>`) is used.',
        },
      },
    },
    payload: ref(`components/schemas/${topic.payload}`),
    examples: [{ name: topic.message, payload: topic.example }],
  };
}

/**
 * contexts: [{ context, source, subjects, events: { Name: type }, catalogue: { type: entry } }]
 * inbound: scripts/asyncapi/inbound.mjs; schemas: generated payload schemas by type name.
 */
export function buildDocument({ contexts, inbound, schemas }) {
  const channels = {};
  const operations = {};
  const messages = {};
  for (const context of contexts) {
    const channelMessages = {};
    for (const [name, type] of Object.entries(context.events)) {
      messages[type] = eventMessage(context, name, context.catalogue[type]);
      channelMessages[name] = ref(`components/messages/${type}`);
    }
    channels[context.context] = {
      address: `{namespace}.${context.context}.v1`,
      title: `${context.context} events`,
      description: `The ${context.context} context's integration events; source \`${context.source}\`, subject \`${context.subjects.map((s) => (external.includes(s) ? `${s}/<${s === 'marketplace-order' ? 'marketplaceOrderId' : `${s}Id`}>` : `${s}/<orderId>`)).join('`, `')}\`.`,
      parameters: { namespace: ref('components/parameters/namespace') },
      messages: channelMessages,
      bindings: { kafka: { partitions: 6, bindingVersion: KAFKA_BINDING } },
    };
    operations[`publish${capitalize(context.context)}Events`] = {
      action: 'send',
      channel: ref(`channels/${context.context}`),
      title: `tradehub publishes ${context.context} events`,
      summary: 'Written to the outbox in the transaction of the change, then published by the relay.',
      messages: Object.keys(channelMessages).map((m) => ref(`channels/${context.context}/messages/${m}`)),
    };
  }
  for (const topic of inbound) {
    messages[topic.address.replace(/\.v1$/, '')] = inboundMessage(topic);
    channels[topic.id] = {
      address: topic.address,
      title: topic.address,
      description: `Another team's topic; the name is configurable (\`${topic.env}\`).`,
      messages: { [topic.message]: ref(`components/messages/${topic.address.replace(/\.v1$/, '')}`) },
    };
    operations[`consume${capitalize(topic.id)}`] = {
      action: 'receive',
      channel: ref(`channels/${topic.id}`),
      title: `tradehub consumes ${topic.address}`,
      summary: topic.summary,
      messages: [ref(`channels/${topic.id}/messages/${topic.message}`)],
      bindings: {
        kafka: {
          groupId: {
            type: 'string',
            default: 'tradehub-consumers',
            description: '`<namespace>-consumers`; `KAFKA_CONSUMER_GROUP` overrides.',
          },
          bindingVersion: KAFKA_BINDING,
        },
      },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: 'tradehub events', version: '1', description: DESCRIPTION },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'An example only: tradehub connects to the brokers listed in `KAFKA_BROKERS`.',
      },
    },
    channels,
    operations,
    components: {
      schemas: { CloudEventHeaders: CLOUD_EVENT_HEADERS, ...schemas },
      messages,
      parameters: {
        namespace: {
          default: 'tradehub',
          examples: ['tradehub'],
          description: 'Topic namespace, `KAFKA_TOPIC_NAMESPACE` (default `tradehub`).',
        },
      },
    },
  };
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
