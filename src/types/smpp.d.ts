/**
 * Minimal declarations for `smpp` 0.5 (node-smpp, CommonJS, no bundled types):
 * only what Saldo's SMPP transport and its tests use.
 */
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer, Socket } from "node:net";

  namespace smpp {
    /**
     * A short_message / message_payload as the library decodes it: the text
     * (still a Buffer when data_coding names no text encoding it knows) and the
     * UDH information elements, each `[IEI, length, ...data]`.
     */
    interface DecodedMessage {
      message: string | Buffer;
      udh?: Buffer[];
    }

    /** What may be given to encode: a string, a Buffer, or a text with a UDH (`[UDHL, IEs...]`). */
    type MessageInput = string | Buffer | { message: string | Buffer; udh?: Buffer };

    /** A PDU; its fields are the SMPP parameter and TLV names. */
    interface Pdu {
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      isResponse(): boolean;
      response(options?: Record<string, unknown>): Pdu;
      [field: string]: unknown;
    }

    type PduCallback = (pdu: Pdu) => void;
    type PduFields = Record<string, unknown>;
    type Command = (
      options?: PduFields,
      responseCallback?: PduCallback,
      sendCallback?: PduCallback,
    ) => boolean;

    /**
     * One SMPP connection, client or server side. Emits "connect" /
     * "secureConnect", "close", "error", "pdu" and one event per command name.
     */
    interface Session extends EventEmitter {
      readonly socket: Socket;
      /** False (and nothing is sent) when the socket is not writable. */
      send(pdu: Pdu, responseCallback?: PduCallback, sendCallback?: PduCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      bind_transceiver: Command;
      submit_sm: Command;
      deliver_sm: Command;
      enquire_link: Command;
      unbind: Command;
    }

    interface Server extends NetServer {
      readonly sessions: Session[];
    }

    interface ConnectOptions {
      host: string;
      port: number;
      tls?: boolean;
    }

    function connect(options: ConnectOptions, listener?: () => void): Session;
    function createServer(listener?: (session: Session) => void): Server;

    /** command_status values by name (ESME_ROK, ESME_RTHROTTLED, ...). */
    const errors: Readonly<Record<string, number>>;

    /** The GSM 03.38 coder behind data_coding 0: one unpacked septet per byte. */
    const gsmCoder: {
      encode(text: string, shiftTable?: number): Buffer;
      decode(septets: Buffer, shiftTable?: number): string;
    };
  }

  export = smpp;
}
