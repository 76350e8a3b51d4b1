/**
 * Setup for the unit tier: no sockets. A test that needs a server (S3, DynamoDB, a browser) is an
 * integration test; refusing connections and listeners here makes a misplaced one fail at once
 * instead of quietly slowing the tier that runs on every edit.
 *
 * `net` is shared by every test file a jest worker runs, whatever its project, so the refusal is
 * put in place for this file and taken away after it: an integration file that runs next in the
 * same worker must get real sockets.
 */
import net from 'node:net';

function refuse(what: string): never {
  throw new Error(`unit tests may not ${what}: move this test under test/integration or test/reliability`);
}

const realConnect = net.Socket.prototype.connect;
const realListen = net.Server.prototype.listen;

net.Socket.prototype.connect = function connect(): never {
  return refuse('open network connections');
} as typeof net.Socket.prototype.connect;

net.Server.prototype.listen = function listen(): never {
  return refuse('listen on a port');
} as typeof net.Server.prototype.listen;

afterAll(() => {
  net.Socket.prototype.connect = realConnect;
  net.Server.prototype.listen = realListen;
});
