import { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The resolved CloudFormation logical id of a construct (or of its default child). */
export function logicalIdOf(resource: IConstruct): string {
  const cfn = resource instanceof CfnElement ? resource : resource.node.defaultChild;
  if (!(cfn instanceof CfnElement)) throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return Stack.of(cfn).resolve(cfn.logicalId) as string;
}

/**
 * How cdk-nag spells `Fn::GetAtt <resource>.Arn` in an `appliesTo` finding, so an
 * IAM5 suppression names the exact resource it accepts a wildcard under.
 */
export function nagArnRef(resource: IConstruct): string {
  return `<${logicalIdOf(resource)}.Arn>`;
}
