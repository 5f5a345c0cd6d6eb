import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace faultline {

    namespace v1 {

        interface IAccountOpened extends faultline.v1.AccountOpened.$Properties {
        }

        class AccountOpened {
            constructor(properties?: faultline.v1.AccountOpened.$Properties);
            $unknowns?: Uint8Array[];
            accountId: string;
            userId: string;
            name: string;
            openedAtMs: Long;
            static create(properties: faultline.v1.AccountOpened.$Shape): faultline.v1.AccountOpened & faultline.v1.AccountOpened.$Shape;
            static create(properties?: faultline.v1.AccountOpened.$Properties): faultline.v1.AccountOpened;
            static encode(message: faultline.v1.AccountOpened.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.AccountOpened.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.AccountOpened & faultline.v1.AccountOpened.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.AccountOpened & faultline.v1.AccountOpened.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.AccountOpened;
            static toObject(message: faultline.v1.AccountOpened, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace AccountOpened {
            interface $Properties {
                accountId?: (string|null);
                userId?: (string|null);
                name?: (string|null);
                openedAtMs?: (Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.AccountOpened.$Properties;
        }

        interface IUserCreated extends faultline.v1.UserCreated.$Properties {
        }

        class UserCreated {
            constructor(properties?: faultline.v1.UserCreated.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            name: string;
            createdAtMs: Long;
            static create(properties: faultline.v1.UserCreated.$Shape): faultline.v1.UserCreated & faultline.v1.UserCreated.$Shape;
            static create(properties?: faultline.v1.UserCreated.$Properties): faultline.v1.UserCreated;
            static encode(message: faultline.v1.UserCreated.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.UserCreated.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.UserCreated & faultline.v1.UserCreated.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.UserCreated & faultline.v1.UserCreated.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.UserCreated;
            static toObject(message: faultline.v1.UserCreated, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace UserCreated {
            interface $Properties {
                userId?: (string|null);
                name?: (string|null);
                createdAtMs?: (Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.UserCreated.$Properties;
        }

        interface IEnvelope extends faultline.v1.Envelope.$Properties {
        }

        class Envelope {
            constructor(properties?: faultline.v1.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            type: string;
            correlationId: string;
            causationId: string;
            attempt: number;
            producer: string;
            producedAtMs: Long;
            payload: Uint8Array;
            static create(properties: faultline.v1.Envelope.$Shape): faultline.v1.Envelope & faultline.v1.Envelope.$Shape;
            static create(properties?: faultline.v1.Envelope.$Properties): faultline.v1.Envelope;
            static encode(message: faultline.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.Envelope & faultline.v1.Envelope.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.Envelope & faultline.v1.Envelope.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.Envelope;
            static toObject(message: faultline.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                messageId?: (string|null);
                type?: (string|null);
                correlationId?: (string|null);
                causationId?: (string|null);
                attempt?: (number|null);
                producer?: (string|null);
                producedAtMs?: (Long|null);
                payload?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.Envelope.$Properties;
        }

        interface IPing extends faultline.v1.Ping.$Properties {
        }

        class Ping {
            constructor(properties?: faultline.v1.Ping.$Properties);
            $unknowns?: Uint8Array[];
            text: string;
            sequence: Long;
            static create(properties: faultline.v1.Ping.$Shape): faultline.v1.Ping & faultline.v1.Ping.$Shape;
            static create(properties?: faultline.v1.Ping.$Properties): faultline.v1.Ping;
            static encode(message: faultline.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.Ping & faultline.v1.Ping.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.Ping & faultline.v1.Ping.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.Ping;
            static toObject(message: faultline.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {
            interface $Properties {
                text?: (string|null);
                sequence?: (Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.Ping.$Properties;
        }

        enum Leg {
            LEG_UNSPECIFIED = 0,
            DEBIT = 1,
            CREDIT = 2,
            REFUND = 3
        }

        interface ILedgerLegRequested extends faultline.v1.LedgerLegRequested.$Properties {
        }

        class LedgerLegRequested {
            constructor(properties?: faultline.v1.LedgerLegRequested.$Properties);
            $unknowns?: Uint8Array[];
            paymentId: string;
            leg: faultline.v1.Leg;
            accountId: string;
            counterpartyAccountId: string;
            amount: Long;
            static create(properties: faultline.v1.LedgerLegRequested.$Shape): faultline.v1.LedgerLegRequested & faultline.v1.LedgerLegRequested.$Shape;
            static create(properties?: faultline.v1.LedgerLegRequested.$Properties): faultline.v1.LedgerLegRequested;
            static encode(message: faultline.v1.LedgerLegRequested.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.LedgerLegRequested.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.LedgerLegRequested & faultline.v1.LedgerLegRequested.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.LedgerLegRequested & faultline.v1.LedgerLegRequested.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.LedgerLegRequested;
            static toObject(message: faultline.v1.LedgerLegRequested, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace LedgerLegRequested {
            interface $Properties {
                paymentId?: (string|null);
                leg?: (faultline.v1.Leg|null);
                accountId?: (string|null);
                counterpartyAccountId?: (string|null);
                amount?: (Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.LedgerLegRequested.$Properties;
        }

        interface ILedgerLegPosted extends faultline.v1.LedgerLegPosted.$Properties {
        }

        class LedgerLegPosted {
            constructor(properties?: faultline.v1.LedgerLegPosted.$Properties);
            $unknowns?: Uint8Array[];
            paymentId: string;
            leg: faultline.v1.Leg;
            accountId: string;
            seq: Long;
            amount: Long;
            balanceAfter: Long;
            duplicate: boolean;
            static create(properties: faultline.v1.LedgerLegPosted.$Shape): faultline.v1.LedgerLegPosted & faultline.v1.LedgerLegPosted.$Shape;
            static create(properties?: faultline.v1.LedgerLegPosted.$Properties): faultline.v1.LedgerLegPosted;
            static encode(message: faultline.v1.LedgerLegPosted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.LedgerLegPosted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.LedgerLegPosted & faultline.v1.LedgerLegPosted.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.LedgerLegPosted & faultline.v1.LedgerLegPosted.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.LedgerLegPosted;
            static toObject(message: faultline.v1.LedgerLegPosted, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace LedgerLegPosted {
            interface $Properties {
                paymentId?: (string|null);
                leg?: (faultline.v1.Leg|null);
                accountId?: (string|null);
                seq?: (Long|null);
                amount?: (Long|null);
                balanceAfter?: (Long|null);
                duplicate?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.LedgerLegPosted.$Properties;
        }

        interface ILedgerLegRejected extends faultline.v1.LedgerLegRejected.$Properties {
        }

        class LedgerLegRejected {
            constructor(properties?: faultline.v1.LedgerLegRejected.$Properties);
            $unknowns?: Uint8Array[];
            paymentId: string;
            leg: faultline.v1.Leg;
            accountId: string;
            reason: string;
            balance: Long;
            static create(properties: faultline.v1.LedgerLegRejected.$Shape): faultline.v1.LedgerLegRejected & faultline.v1.LedgerLegRejected.$Shape;
            static create(properties?: faultline.v1.LedgerLegRejected.$Properties): faultline.v1.LedgerLegRejected;
            static encode(message: faultline.v1.LedgerLegRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.LedgerLegRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.LedgerLegRejected & faultline.v1.LedgerLegRejected.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.LedgerLegRejected & faultline.v1.LedgerLegRejected.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.LedgerLegRejected;
            static toObject(message: faultline.v1.LedgerLegRejected, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace LedgerLegRejected {
            interface $Properties {
                paymentId?: (string|null);
                leg?: (faultline.v1.Leg|null);
                accountId?: (string|null);
                reason?: (string|null);
                balance?: (Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.LedgerLegRejected.$Properties;
        }

        interface IBalanceChanged extends faultline.v1.BalanceChanged.$Properties {
        }

        class BalanceChanged {
            constructor(properties?: faultline.v1.BalanceChanged.$Properties);
            $unknowns?: Uint8Array[];
            accountId: string;
            seq: Long;
            balance: Long;
            paymentId: string;
            leg: faultline.v1.Leg;
            amount: Long;
            static create(properties: faultline.v1.BalanceChanged.$Shape): faultline.v1.BalanceChanged & faultline.v1.BalanceChanged.$Shape;
            static create(properties?: faultline.v1.BalanceChanged.$Properties): faultline.v1.BalanceChanged;
            static encode(message: faultline.v1.BalanceChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.BalanceChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.BalanceChanged & faultline.v1.BalanceChanged.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.BalanceChanged & faultline.v1.BalanceChanged.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.BalanceChanged;
            static toObject(message: faultline.v1.BalanceChanged, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace BalanceChanged {
            interface $Properties {
                accountId?: (string|null);
                seq?: (Long|null);
                balance?: (Long|null);
                paymentId?: (string|null);
                leg?: (faultline.v1.Leg|null);
                amount?: (Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.BalanceChanged.$Properties;
        }

        interface IPaymentRequested extends faultline.v1.PaymentRequested.$Properties {
        }

        class PaymentRequested {
            constructor(properties?: faultline.v1.PaymentRequested.$Properties);
            $unknowns?: Uint8Array[];
            paymentId: string;
            fromAccountId: string;
            toAccountId: string;
            amount: Long;
            requestedByUserId: string;
            system: boolean;
            static create(properties: faultline.v1.PaymentRequested.$Shape): faultline.v1.PaymentRequested & faultline.v1.PaymentRequested.$Shape;
            static create(properties?: faultline.v1.PaymentRequested.$Properties): faultline.v1.PaymentRequested;
            static encode(message: faultline.v1.PaymentRequested.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.PaymentRequested.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.PaymentRequested & faultline.v1.PaymentRequested.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.PaymentRequested & faultline.v1.PaymentRequested.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.PaymentRequested;
            static toObject(message: faultline.v1.PaymentRequested, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PaymentRequested {
            interface $Properties {
                paymentId?: (string|null);
                fromAccountId?: (string|null);
                toAccountId?: (string|null);
                amount?: (Long|null);
                requestedByUserId?: (string|null);
                system?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.PaymentRequested.$Properties;
        }

        interface IPaymentValidated extends faultline.v1.PaymentValidated.$Properties {
        }

        class PaymentValidated {
            constructor(properties?: faultline.v1.PaymentValidated.$Properties);
            $unknowns?: Uint8Array[];
            paymentId: string;
            static create(properties: faultline.v1.PaymentValidated.$Shape): faultline.v1.PaymentValidated & faultline.v1.PaymentValidated.$Shape;
            static create(properties?: faultline.v1.PaymentValidated.$Properties): faultline.v1.PaymentValidated;
            static encode(message: faultline.v1.PaymentValidated.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.PaymentValidated.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.PaymentValidated & faultline.v1.PaymentValidated.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.PaymentValidated & faultline.v1.PaymentValidated.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.PaymentValidated;
            static toObject(message: faultline.v1.PaymentValidated, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PaymentValidated {
            interface $Properties {
                paymentId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.PaymentValidated.$Properties;
        }

        interface IPaymentRejected extends faultline.v1.PaymentRejected.$Properties {
        }

        class PaymentRejected {
            constructor(properties?: faultline.v1.PaymentRejected.$Properties);
            $unknowns?: Uint8Array[];
            paymentId: string;
            reason: string;
            detail: string;
            static create(properties: faultline.v1.PaymentRejected.$Shape): faultline.v1.PaymentRejected & faultline.v1.PaymentRejected.$Shape;
            static create(properties?: faultline.v1.PaymentRejected.$Properties): faultline.v1.PaymentRejected;
            static encode(message: faultline.v1.PaymentRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: faultline.v1.PaymentRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): faultline.v1.PaymentRejected & faultline.v1.PaymentRejected.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): faultline.v1.PaymentRejected & faultline.v1.PaymentRejected.$Shape;
            static fromObject(object: { [k: string]: any }): faultline.v1.PaymentRejected;
            static toObject(message: faultline.v1.PaymentRejected, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PaymentRejected {
            interface $Properties {
                paymentId?: (string|null);
                reason?: (string|null);
                detail?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = faultline.v1.PaymentRejected.$Properties;
        }
    }
}
