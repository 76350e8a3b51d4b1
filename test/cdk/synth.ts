import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Aspects } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, type INagLogger, type NagLoggerNonComplianceData, type NagLoggerSuppressedData } from 'cdk-nag';
import { NewsIngestStack, type NewsIngestStackProps } from '../../lib/news-ingest-stack';

/** What cdk-nag decided, finding by finding (the annotations only carry the unsuppressed ones). */
export class RecordingNagLogger implements INagLogger {
  readonly nonCompliant: { path: string; ruleId: string; findingId: string }[] = [];
  readonly suppressed: { path: string; ruleId: string; findingId: string }[] = [];
  readonly errors: { path: string; ruleId: string; message: string }[] = [];

  onNonCompliance(d: NagLoggerNonComplianceData): void {
    this.nonCompliant.push({ path: d.resource.node.path, ruleId: d.ruleId, findingId: d.findingId });
  }
  onSuppressed(d: NagLoggerSuppressedData): void {
    this.suppressed.push({ path: d.resource.node.path, ruleId: d.ruleId, findingId: d.findingId });
  }
  onError(d: { resource: { node: { path: string } }; ruleId: string; errorMessage: string }): void {
    this.errors.push({ path: d.resource.node.path, ruleId: d.ruleId, message: d.errorMessage });
  }
  onCompliance(): void {}
  onSuppressedError(): void {}
  onNotApplicable(): void {}
}

export interface Synthesized {
  app: App;
  stack: NewsIngestStack;
  template: Template;
  /** Present when synthesized with `nag: true`. */
  nag: RecordingNagLogger;
}

/** The feature flags and defaults `cdk synth` gets from cdk.json, so tests see the same template. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context;

/**
 * Synthesize the stack as bin/news-ingest.ts does. Two costly parts are opt-in:
 * bundling (esbuild and an npm install of jsdom; skipped via
 * `aws:cdk:bundling-stacks: []`, which changes nothing in the template but asset
 * hashes) and the cdk-nag aspect (it loads a rule module per AWS service; it only
 * adds findings, never template changes).
 */
export function synthesize(opts: { stage?: string; bundle?: boolean; nag?: boolean; props?: NewsIngestStackProps } = {}): Synthesized {
  const app = new App({
    context: {
      ...CDK_JSON_CONTEXT,
      stage: opts.stage ?? 'dev',
      ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stack = new NewsIngestStack(app, 'NewsIngest', opts.props);
  const nag = new RecordingNagLogger();
  if (opts.nag) Aspects.of(app).add(new AwsSolutionsChecks({ reports: false, additionalLoggers: [nag] }));
  const template = Template.fromStack(stack);
  return { app, stack, template, nag };
}

/**
 * Synthesized CloudFormation JSON. Deliberately untyped: the tests' assertions are
 * what pins its shape down.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CfnJson = any;

/** Resources of one type, as [logicalId, resource] pairs. */
export type TemplateResource = { Properties: Record<string, CfnJson>; [k: string]: CfnJson };
export function resourcesOf(template: Template, type: string): [string, TemplateResource][] {
  return Object.entries(template.findResources(type)) as [string, TemplateResource][];
}
