import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * s3:ListBucket limited to listings whose Prefix parameter starts with one of `prefixes`.
 * Only for callers that always list with a prefix: HeadObject/GetObject carry no
 * s3:prefix, so this statement does not turn their 403s for missing keys into 404s.
 */
export function listUnderPrefixesStatement(bucket: s3.IBucket, prefixes: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['s3:ListBucket'],
    resources: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}*`) } },
  });
}
