import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { NewsIngestStack } from '../lib/news-ingest-stack';

const app = new App();
new NewsIngestStack(app, 'NewsIngest', { description: 'news-ingest: raw news pages to clean, deduplicated records' });
// Findings fail `cdk synth`: every exception is a written suppression next to its resource.
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
