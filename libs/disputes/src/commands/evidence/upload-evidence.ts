import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { FILE_STORAGE, type FileStorage, UnitOfWork } from '@tradehub/platform';
import { EvidenceRepository } from '../../database/evidence.repository';
import { type EvidenceRef, inspectEvidence } from '../../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';

/** DSP-1, DSP-3: one evidence file (PDF, JPEG or PNG by its bytes), stored by content. */
export class UploadEvidenceCommand extends Command<EvidenceRef> {
  constructor(
    readonly bytes: Buffer,
    readonly fileName: string,
    readonly uploadedBy: string,
  ) {
    super();
  }
}

@CommandHandler(UploadEvidenceCommand)
export class UploadEvidenceHandler implements ICommandHandler<UploadEvidenceCommand, EvidenceRef> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly evidence: EvidenceRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ bytes, fileName, uploadedBy }: UploadEvidenceCommand): Promise<EvidenceRef> {
    const contentType = inspectEvidence(bytes, this.policy.maxEvidenceBytes, 'file');
    // Content-addressed: storing before the commit is safe, a rolled-back upload leaves an unnamed file.
    const sha256 = await this.storage.put(bytes);
    const ref: EvidenceRef = {
      sha256,
      contentType,
      sizeBytes: bytes.length,
      fileName: fileName.slice(0, 200),
    };
    await this.uow.run(async (tx) => {
      if (await this.evidence.record(tx, ref, uploadedBy, this.clock.now()))
        tx.audit({
          action: 'disputes.evidence-uploaded',
          subjectType: 'evidence-file',
          subjectId: sha256,
          changes: { contentType, sizeBytes: bytes.length, fileName: ref.fileName },
        });
    });
    return ref;
  }
}
