import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Object-level S3 grants scoped to key prefixes. The Bucket.grant* helpers add
 * wildcard actions (s3:GetObject*, s3:List*) and bucket-wide resources; these do not.
 */
export function grantObjectActions(grantee: iam.IGrantable, bucket: s3.IBucket, actions: string[], prefixes: string[]): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions,
    resourceArns: prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
  });
}

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
