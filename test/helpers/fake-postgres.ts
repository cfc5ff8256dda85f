import { createServer, type AddressInfo, type Server } from 'node:net';

/** A PostgreSQL ErrorResponse message: severity, SQLSTATE and text, as a server sends them. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/** AuthenticationCleartextPassword: the server asks for the password. */
const ASK_FOR_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

/**
 * A server on 127.0.0.1 that speaks just enough of the PostgreSQL protocol to refuse every password, as a server with
 * password authentication does (the test PostgreSQL trusts every local connection, so it cannot be made to).
 */
export async function startPasswordRefusingPostgres(user: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((socket) => {
    let startup = true;
    socket.on('data', () => {
      if (startup) {
        startup = false;
        socket.write(ASK_FOR_PASSWORD);
        return;
      }
      socket.end(errorResponse('28P01', `password authentication failed for user "${user}"`));
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
