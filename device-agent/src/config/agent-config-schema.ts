import { Type, type Static, type TSchema } from 'typebox';

/**
 * The agent's one configuration type: the shape of the JSON config file, every key with its
 * default (applied in resolveAgentConfig, nowhere else). `expected` is what validation errors
 * say a key should be; `description` is what editors show (agent-config.schema.json).
 */

const ms = (min: number, fallback: number, description: string) =>
  Type.Integer({ minimum: min, default: fallback, description, expected: `a number of milliseconds ≥ ${min}` });

/** A device address; its syntax is checked by parseDeviceAddress after the schema. */
const address = (example: string, description: string, fallback?: string) =>
  Type.String({
    pattern: '^(serial|tcp|file|usb|hid|sim|evdev):',
    description: `${description} Addresses: serial:/dev/ttyUSB0?baud=115200, tcp:host:port, file:/dev/usb/lp0, usb:VVVV:PPPP, hid:VVVV:PPPP, sim: (built-in simulator).`,
    expected: `a device address such as ${example}`,
    examples: [example],
    ...(fallback === undefined ? {} : { default: fallback }),
  });

/** A required section defaults to {} so its keys get their defaults; an optional one stays absent. */
const section = <T extends Record<string, TSchema>>(properties: T, description: string, optional = false) =>
  Type.Object(properties, { additionalProperties: false, ...(optional ? {} : { default: {} }), description, expected: 'an object' });

export const ApiConfigSchema = section(
  {
    host: Type.String({ default: '127.0.0.1', description: 'Loopback only: 127.0.0.1, another 127.x address, ::1 or localhost. Changing it needs a restart.', expected: 'a loopback host such as 127.0.0.1' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 7421, description: '0 picks any free port. Changing it needs a restart.', expected: 'a port number from 0 to 65535' }),
    pairingToken: Type.Optional(Type.String({ minLength: 16, description: 'The secret the UI presents as Authorization: Bearer <token> (at least 16 characters). Without it the agent generates one at start.', expected: 'a secret of at least 16 characters' })),
    allowedOrigins: Type.Array(Type.String({ expected: 'an origin such as http://127.0.0.1:8080' }), {
      default: ['http://127.0.0.1:8080', 'http://localhost:8080'],
      description: 'Browser origins allowed to call (scheme://host[:port]).',
      expected: 'a list of origins such as ["http://127.0.0.1:8080"]',
    }),
  },
  'The local HTTP + WebSocket API.',
);

export const ReaderConfigSchema = section(
  {
    address: address('serial:/dev/ttyUSB0?baud=115200', 'The GA 467 ID card reader.', 'sim:'),
    pollIntervalMs: ms(10, 300, 'Time between two find-card polls (each is 2 frames of 10 bytes; 300 ms feels instant to a person).'),
    reconnectMs: ms(50, 2000, 'Time between two attempts to reopen a lost reader link.'),
    readExtraAddress: Type.Boolean({ default: true, description: 'Also read the extra (new) address after a card read (command 30 03).', expected: 'true or false' }),
  },
  'The ID card reader.',
);

const printer = (example: string, description: string, fallback?: string) =>
  section(
    {
      address: address(example, description, fallback),
      statusIntervalMs: ms(100, 5000, 'Time between two DLE EOT status polls.'),
      selfTestOnStart: Type.Boolean({ default: false, description: 'Print a test page when the agent starts.', expected: 'true or false' }),
      paperWidthMm: Type.Union([Type.Literal(80), Type.Literal(58)], { default: 80, description: 'Paper width: 80 mm (48 columns) or 58 mm (32 columns).', expected: '80 or 58' }),
      processIdResponse: Type.Boolean({
        default: false,
        description: 'The printer answers Epson GS ( H process IDs: jobs are confirmed when they are on paper. Many clones do not; leave false for them.',
        expected: 'true or false',
      }),
    },
    description,
    fallback === undefined,
  );

export const ReceiptPrinterConfigSchema = printer('tcp:192.168.1.50:9100', 'The receipt printer (ESC/POS).', 'sim:');
export const TicketPrinterConfigSchema = printer('usb:0416:5011', 'The queue ticket printer (ESC/POS); leave out when the kiosk has none.');

export const PrintersConfigSchema = section(
  {
    receipt: ReceiptPrinterConfigSchema,
    ticket: Type.Optional(TicketPrinterConfigSchema),
  },
  'The printers, by role.',
);

export const ScannerConfigSchema = section(
  {
    address: address('serial:/dev/ttyACM0?baud=9600', 'The QR/barcode scanner; evdev:/dev/input/by-id/…-event-kbd for keyboard-wedge scanners.'),
    mode: Type.Enum(['serial', 'hid', 'keyboard'], {
      default: 'serial',
      description: 'How the scanner delivers a code: serial (CR/LF-terminated), hid (POS reports) or keyboard (key events).',
      expected: 'one of "serial", "hid", "keyboard"',
    }),
    interByteTimeoutMs: ms(5, 50, 'A pause this long ends a code that came without a terminator.'),
  },
  'The scanner; leave out when the kiosk has none.',
  true,
);

/** A simulator process's control API: loopback HTTP only. */
const controlUrl = (device: string) =>
  Type.String({
    pattern: '^http://(127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|localhost|\\[::1\\]):\\d{1,5}/?$',
    description: `Control URL of the ${device} simulator process, e.g. http://127.0.0.1:7601.`,
    expected: 'a loopback URL such as http://127.0.0.1:7601',
  });

export const AgentConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path of the JSON schema, for editors.' })),
    api: ApiConfigSchema,
    reader: ReaderConfigSchema,
    printers: PrintersConfigSchema,
    scanner: Type.Optional(ScannerConfigSchema),
    queueDir: Type.String({ minLength: 1, default: './data/agent/print-queue', description: 'Folder of the durable print queue (relative to the working directory).', expected: 'a folder path' }),
    cardHoldMs: ms(1000, 60_000, 'The agent forgets a read card after this long unless the session releases it earlier.'),
    logger: Type.Boolean({ default: true, description: 'Request logging (never bodies).', expected: 'true or false' }),
    simulatorControl: Type.Optional(
      Type.Object(
        {
          reader: Type.Optional(controlUrl('reader')),
          receiptPrinter: Type.Optional(controlUrl('receipt printer')),
          ticketPrinter: Type.Optional(controlUrl('ticket printer')),
        },
        { additionalProperties: false, description: 'Control APIs of simulator processes (npm start runs the simulators as processes): the /v1/sim routes are forwarded there.', expected: 'an object' },
      ),
    ),
    simulatedToday: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The Shanghai date the simulators compute demo residents for (tests and demos; default today).', expected: 'a date such as 2025-06-15' })),
  },
  { additionalProperties: false, description: 'Device agent configuration', expected: 'an object' },
);

export type AgentConfig = Static<typeof AgentConfigSchema>;
export type ApiConfig = AgentConfig['api'];
export type ReaderConfig = AgentConfig['reader'];
export type PrinterConfig = AgentConfig['printers']['receipt'];
export type ScannerConfig = NonNullable<AgentConfig['scanner']>;

type DeepPartial<T> = T extends readonly (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A config as written (file, tests): any key may be left out and gets its default. */
export type AgentConfigInput = DeepPartial<AgentConfig>;
