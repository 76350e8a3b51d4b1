import { DescribeExecutionCommand, DescribeMapRunCommand, ListMapRunsCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

/** Starts the deployed reprocess state machine (Distributed Map over raw/) and reports its progress. */

export interface ExecutionProgress {
  status: string;
  succeeded: number;
  failed: number;
  total: number;
}

export async function startReprocess(sfn: SFNClient, stateMachineArn: string): Promise<string> {
  const r = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
  if (!r.executionArn) throw new Error('Step Functions did not return an execution ARN.');
  return r.executionArn;
}

export async function reprocessProgress(sfn: SFNClient, executionArn: string): Promise<ExecutionProgress> {
  const exec = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  const runs = await sfn.send(new ListMapRunsCommand({ executionArn }));
  let succeeded = 0;
  let failed = 0;
  let total = 0;
  for (const run of runs.mapRuns ?? []) {
    if (!run.mapRunArn) continue;
    const d = await sfn.send(new DescribeMapRunCommand({ mapRunArn: run.mapRunArn }));
    succeeded += d.itemCounts?.succeeded ?? 0;
    failed += d.itemCounts?.failed ?? 0;
    total += d.itemCounts?.total ?? 0;
  }
  return { status: exec.status ?? 'UNKNOWN', succeeded, failed, total };
}
