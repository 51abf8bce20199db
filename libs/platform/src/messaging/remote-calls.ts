import { Inject, Injectable, Logger, Type } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { KafkaMessage } from 'kafkajs';
import { DomainError, newId, RemoteDomainError, ServiceUnavailable } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { wallClockMs } from '../clock/wall-clock';
import { requestContext } from '../http/request-context';
import type { PrincipalKind } from '../auth/principal';
import { KafkaConnection } from './kafka-connection';
import { KafkaConsumerRunner } from './kafka-consumer-runner';
import { Topics } from './topics';

/**
 * The commands and queries a context offers other contexts (its contract), by wire name. Their
 * fields must be JSON: the same call runs in-process when both contexts share a process, and
 * through Kafka when they do not.
 */
export interface ContractCalls {
  context: string;
  calls: Record<string, Type<Command<unknown>> | Type<Query<unknown>>>;
}

/** How long a caller waits for another process's answer before answering 503 itself. */
const CALL_TIMEOUT_MS = 10_000;
/** Replies are read once; an hour is plenty for a caller that restarts. */
const REPLY_RETENTION_MS = 3_600_000;

const REPLY_TOPIC_CONFIG = [{ name: 'retention.ms', value: String(REPLY_RETENTION_MS) }];

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

interface WireError {
  kind: DomainError['kind'];
  code: string;
  message: string;
  field?: string;
}

/**
 * Contexts running in other processes are reached through Kafka: a call is a message on the
 * callee's `commands` topic, answered on the shared `replies` topic keyed by the caller's
 * instance. The handler runs in the callee's own transaction, as it would in-process; calls are
 * idempotent (keyed by their own ids), so a redelivered request does no second effect.
 */
@Injectable()
export class RemoteCalls {
  private readonly logger = new Logger(RemoteCalls.name);
  private readonly instance = newId();
  private readonly pending = new Map<string, Pending>();
  private readonly served = new Map<string, ContractCalls>();
  private repliesWanted = false;
  private readonly reached = new Set<string>();
  private repliesJoined!: () => void;
  private readonly repliesReady = new Promise<void>((resolve) => (this.repliesJoined = resolve));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: KafkaConnection,
    private readonly consumers: KafkaConsumerRunner,
    private readonly topics: Topics,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** This process runs the context: serve its calls to other processes. */
  serve(contract: ContractCalls): void {
    if (!this.connection.enabled || Object.keys(contract.calls).length === 0) return;
    this.served.set(contract.context, contract);
    this.consumers.add({
      group: `${this.config.kafka.consumerGroup}.${contract.context}.commands`,
      topics: [this.topics.commandsFor(contract.context)],
      fromBeginning: true,
      handle: (_topic, _partition, message) => this.answer(contract, message),
    });
  }

  /** The context runs elsewhere: its calls on this process's buses go through Kafka. */
  reach(contract: ContractCalls): void {
    if (!this.connection.enabled) return;
    this.reached.add(contract.context);
    for (const [name, type] of Object.entries(contract.calls)) {
      const execute = (call: object): Promise<unknown> => this.call(contract.context, name, call);
      const wrapper = { isDependencyTreeStatic: () => true, instance: { execute } };
      if (type.prototype instanceof Query) {
        QueryHandler(type)(class {});
        (this.queries.bind as (h: unknown, id: string) => void)(wrapper, metadataId('__query__', type));
      } else {
        CommandHandler(type)(class {});
        (this.commands.bind as (h: unknown, id: string) => void)(wrapper, metadataId('__command__', type));
      }
    }
    if (!this.repliesWanted) {
      this.repliesWanted = true;
      this.consumers.add({
        group: `${this.config.kafka.consumerGroup}.replies.${this.instance}`,
        topics: [this.topics.replies],
        topicConfig: REPLY_TOPIC_CONFIG,
        fromBeginning: true,
        handle: async (_topic, _partition, message) => this.settle(message),
        onJoined: () => this.repliesJoined(),
      });
    }
  }

  /** The commands topics of the contexts this process calls (they may start after it). */
  calledTopics(): string[] {
    return [...this.reached].map((c) => this.topics.commandsFor(c));
  }

  private async call(context: string, name: string, call: object): Promise<unknown> {
    const joined = await Promise.race([this.repliesReady.then(() => true), delay(CALL_TIMEOUT_MS, false)]);
    if (!joined) throw unavailable(context);
    const id = newId();
    const { requestId, principal } = requestContext.current();
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(unavailable(context));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
    });
    try {
      const producer = await this.connection.getProducer();
      await producer.send({
        topic: this.topics.commandsFor(context),
        acks: -1,
        messages: [
          {
            key: id,
            value: JSON.stringify(call),
            headers: {
              call_id: id,
              call_type: name,
              reply_key: this.instance,
              deadline: String(wallClockMs() + CALL_TIMEOUT_MS),
              actor: principal.id,
              actor_kind: principal.kind,
              request_id: requestId,
            },
          },
        ],
      });
    } catch (error) {
      const pending = this.pending.get(id);
      if (pending) clearTimeout(pending.timer);
      this.pending.delete(id);
      this.logger.warn(`calling ${context} failed: ${String(error)}`);
      throw unavailable(context);
    }
    return answer;
  }

  private async answer(contract: ContractCalls, message: KafkaMessage): Promise<void> {
    const header = (name: string): string => message.headers?.[name]?.toString() ?? '';
    const id = header('call_id');
    const type = contract.calls[header('call_type')];
    if (!id || Number(header('deadline')) < wallClockMs()) return; // the caller gave up already
    let reply: { ok: true; result: unknown } | { ok: false; error: WireError };
    try {
      if (!type)
        throw new RemoteDomainError('validation', 'UNKNOWN_CALL', `no call '${header('call_type')}'`);
      const call = Object.assign(
        Object.create(type.prototype) as object,
        JSON.parse(message.value!.toString()),
      );
      const principal = {
        id: header('actor') || 'remote',
        kind: (header('actor_kind') || 'service') as PrincipalKind,
        stores: '*' as const,
        scopes: [],
      };
      const result = await requestContext.run({ requestId: header('request_id'), principal }, () =>
        call instanceof Query
          ? this.queries.execute(call as Query<unknown>)
          : this.commands.execute(call as Command<unknown>),
      );
      reply = { ok: true, result: result ?? null };
    } catch (error) {
      reply = { ok: false, error: toWire(error) };
      if (!(error instanceof DomainError))
        this.logger.warn(`call ${header('call_type')} failed: ${String(error)}`);
    }
    const producer = await this.connection.getProducer();
    await producer.send({
      topic: this.topics.replies,
      acks: -1,
      messages: [{ key: header('reply_key'), value: JSON.stringify(reply), headers: { call_id: id } }],
    });
  }

  private settle(message: KafkaMessage): void {
    const id = message.headers?.call_id?.toString();
    const pending = id ? this.pending.get(id) : undefined;
    if (!pending || !id) return; // another instance's answer
    this.pending.delete(id);
    clearTimeout(pending.timer);
    const reply = JSON.parse(message.value!.toString()) as
      { ok: true; result: unknown } | { ok: false; error: WireError };
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(fromWire(reply.error));
  }
}

function toWire(error: unknown): WireError {
  if (error instanceof DomainError)
    return { kind: error.kind, code: error.code, message: error.message, field: error.field };
  return { kind: 'unavailable', code: 'REMOTE_FAILURE', message: 'the called context failed; retry later' };
}

function fromWire(error: WireError): DomainError {
  if (error.kind === 'unavailable') return new ServiceUnavailable(error.code, error.message);
  return new RemoteDomainError(error.kind, error.code, error.message, error.field);
}

const unavailable = (context: string): ServiceUnavailable =>
  new ServiceUnavailable('CONTEXT_UNAVAILABLE', `the ${context} context did not answer in time; retry`, 2);

function metadataId(key: string, type: object): string {
  return (Reflect.getMetadata(key, type) as { id: string }).id;
}

const delay = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
