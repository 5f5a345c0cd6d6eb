/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const faultline = $root.faultline = (() => {

    /**
     * Namespace faultline.
     * @exports faultline
     * @namespace
     */
    const faultline = {};

    faultline.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof faultline
         * @namespace
         */
        const v1 = {};

        v1.AccountOpened = (function() {

            /**
             * Properties of an AccountOpened.
             * @typedef {Object} faultline.v1.AccountOpened.$Properties
             * @property {string|null} [accountId] AccountOpened accountId
             * @property {string|null} [userId] AccountOpened userId
             * @property {string|null} [name] AccountOpened name
             * @property {Long|null} [openedAtMs] AccountOpened openedAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AccountOpened.
             * @memberof faultline.v1
             * @interface IAccountOpened
             * @augments faultline.v1.AccountOpened.$Properties
             * @deprecated Use faultline.v1.AccountOpened.$Properties instead.
             */

            /**
             * Shape of an AccountOpened.
             * @typedef {faultline.v1.AccountOpened.$Properties} faultline.v1.AccountOpened.$Shape
             */

            /**
             * Constructs a new AccountOpened.
             * @memberof faultline.v1
             * @classdesc Represents an AccountOpened.
             * @constructor
             * @param {faultline.v1.AccountOpened.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AccountOpened = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AccountOpened accountId.
             * @member {string} accountId
             * @memberof faultline.v1.AccountOpened
             * @instance
             */
            AccountOpened.prototype.accountId = "";

            /**
             * AccountOpened userId.
             * @member {string} userId
             * @memberof faultline.v1.AccountOpened
             * @instance
             */
            AccountOpened.prototype.userId = "";

            /**
             * AccountOpened name.
             * @member {string} name
             * @memberof faultline.v1.AccountOpened
             * @instance
             */
            AccountOpened.prototype.name = "";

            /**
             * AccountOpened openedAtMs.
             * @member {Long} openedAtMs
             * @memberof faultline.v1.AccountOpened
             * @instance
             */
            AccountOpened.prototype.openedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new AccountOpened instance using the specified properties.
             * @function create
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {faultline.v1.AccountOpened.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.AccountOpened} AccountOpened instance
             * @type {{
             *   (properties: faultline.v1.AccountOpened.$Shape): faultline.v1.AccountOpened & faultline.v1.AccountOpened.$Shape;
             *   (properties?: faultline.v1.AccountOpened.$Properties): faultline.v1.AccountOpened;
             * }}
             */
            AccountOpened.create = function(properties) {
                return new AccountOpened(properties);
            };

            /**
             * Encodes the specified AccountOpened message. Does not implicitly {@link faultline.v1.AccountOpened.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {faultline.v1.AccountOpened.$Properties} message AccountOpened message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AccountOpened.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && message.accountId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.accountId);
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.userId);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.name);
                if (message.openedAtMs != null && $Object.hasOwnProperty.call(message, "openedAtMs") && (typeof message.openedAtMs === "object" ? message.openedAtMs.low || message.openedAtMs.high : message.openedAtMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.openedAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AccountOpened message, length delimited. Does not implicitly {@link faultline.v1.AccountOpened.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {faultline.v1.AccountOpened.$Properties} message AccountOpened message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AccountOpened.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AccountOpened message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.AccountOpened & faultline.v1.AccountOpened.$Shape} AccountOpened
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AccountOpened.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.AccountOpened();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.openedAtMs = value;
                            else
                                delete message.openedAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AccountOpened message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.AccountOpened & faultline.v1.AccountOpened.$Shape} AccountOpened
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AccountOpened.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an AccountOpened message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.AccountOpened} AccountOpened
             */
            AccountOpened.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.AccountOpened)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.AccountOpened: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.AccountOpened();
                if (object.accountId != null)
                    if (typeof object.accountId !== "string" || object.accountId.length)
                        message.accountId = $String(object.accountId);
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.openedAtMs != null)
                    if (typeof object.openedAtMs === "object" ? object.openedAtMs.low || object.openedAtMs.high : $Number(object.openedAtMs) !== 0)
                        if ($util.Long)
                            message.openedAtMs = $util.Long.fromValue(object.openedAtMs, false);
                        else if (typeof object.openedAtMs === "string")
                            message.openedAtMs = $parseInt(object.openedAtMs, 10);
                        else if (typeof object.openedAtMs === "number")
                            message.openedAtMs = object.openedAtMs;
                        else if (typeof object.openedAtMs === "object")
                            message.openedAtMs = new $util.LongBits(object.openedAtMs.low >>> 0, object.openedAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from an AccountOpened message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {faultline.v1.AccountOpened} message AccountOpened
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AccountOpened.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.accountId = "";
                    object.userId = "";
                    object.name = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.openedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.openedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId"))
                    object.accountId = message.accountId;
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.openedAtMs != null && $Object.hasOwnProperty.call(message, "openedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.openedAtMs = typeof message.openedAtMs === "number" ? $BigInt(message.openedAtMs) : $util.Long.fromBits(message.openedAtMs.low >>> 0, message.openedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.openedAtMs === "number")
                        object.openedAtMs = options.longs === $String ? $String(message.openedAtMs) : message.openedAtMs;
                    else
                        object.openedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.openedAtMs) : options.longs === $Number ? new $util.LongBits(message.openedAtMs.low >>> 0, message.openedAtMs.high >>> 0).toNumber() : message.openedAtMs;
                return object;
            };

            /**
             * Converts this AccountOpened to JSON.
             * @function toJSON
             * @memberof faultline.v1.AccountOpened
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AccountOpened.prototype.toJSON = function() {
                return AccountOpened.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AccountOpened
             * @function getTypeUrl
             * @memberof faultline.v1.AccountOpened
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AccountOpened.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.AccountOpened";
            };

            return AccountOpened;
        })();

        v1.UserCreated = (function() {

            /**
             * Properties of a UserCreated.
             * @typedef {Object} faultline.v1.UserCreated.$Properties
             * @property {string|null} [userId] UserCreated userId
             * @property {string|null} [name] UserCreated name
             * @property {Long|null} [createdAtMs] UserCreated createdAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a UserCreated.
             * @memberof faultline.v1
             * @interface IUserCreated
             * @augments faultline.v1.UserCreated.$Properties
             * @deprecated Use faultline.v1.UserCreated.$Properties instead.
             */

            /**
             * Shape of a UserCreated.
             * @typedef {faultline.v1.UserCreated.$Properties} faultline.v1.UserCreated.$Shape
             */

            /**
             * Constructs a new UserCreated.
             * @memberof faultline.v1
             * @classdesc Represents a UserCreated.
             * @constructor
             * @param {faultline.v1.UserCreated.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UserCreated = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * UserCreated userId.
             * @member {string} userId
             * @memberof faultline.v1.UserCreated
             * @instance
             */
            UserCreated.prototype.userId = "";

            /**
             * UserCreated name.
             * @member {string} name
             * @memberof faultline.v1.UserCreated
             * @instance
             */
            UserCreated.prototype.name = "";

            /**
             * UserCreated createdAtMs.
             * @member {Long} createdAtMs
             * @memberof faultline.v1.UserCreated
             * @instance
             */
            UserCreated.prototype.createdAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new UserCreated instance using the specified properties.
             * @function create
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {faultline.v1.UserCreated.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.UserCreated} UserCreated instance
             * @type {{
             *   (properties: faultline.v1.UserCreated.$Shape): faultline.v1.UserCreated & faultline.v1.UserCreated.$Shape;
             *   (properties?: faultline.v1.UserCreated.$Properties): faultline.v1.UserCreated;
             * }}
             */
            UserCreated.create = function(properties) {
                return new UserCreated(properties);
            };

            /**
             * Encodes the specified UserCreated message. Does not implicitly {@link faultline.v1.UserCreated.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {faultline.v1.UserCreated.$Properties} message UserCreated message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UserCreated.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs") && (typeof message.createdAtMs === "object" ? message.createdAtMs.low || message.createdAtMs.high : message.createdAtMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.createdAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified UserCreated message, length delimited. Does not implicitly {@link faultline.v1.UserCreated.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {faultline.v1.UserCreated.$Properties} message UserCreated message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UserCreated.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a UserCreated message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.UserCreated & faultline.v1.UserCreated.$Shape} UserCreated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UserCreated.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.UserCreated();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdAtMs = value;
                            else
                                delete message.createdAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a UserCreated message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.UserCreated & faultline.v1.UserCreated.$Shape} UserCreated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UserCreated.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a UserCreated message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.UserCreated} UserCreated
             */
            UserCreated.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.UserCreated)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.UserCreated: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.UserCreated();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.createdAtMs != null)
                    if (typeof object.createdAtMs === "object" ? object.createdAtMs.low || object.createdAtMs.high : $Number(object.createdAtMs) !== 0)
                        if ($util.Long)
                            message.createdAtMs = $util.Long.fromValue(object.createdAtMs, false);
                        else if (typeof object.createdAtMs === "string")
                            message.createdAtMs = $parseInt(object.createdAtMs, 10);
                        else if (typeof object.createdAtMs === "number")
                            message.createdAtMs = object.createdAtMs;
                        else if (typeof object.createdAtMs === "object")
                            message.createdAtMs = new $util.LongBits(object.createdAtMs.low >>> 0, object.createdAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a UserCreated message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {faultline.v1.UserCreated} message UserCreated
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UserCreated.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.name = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.createdAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.createdAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.createdAtMs = typeof message.createdAtMs === "number" ? $BigInt(message.createdAtMs) : $util.Long.fromBits(message.createdAtMs.low >>> 0, message.createdAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.createdAtMs === "number")
                        object.createdAtMs = options.longs === $String ? $String(message.createdAtMs) : message.createdAtMs;
                    else
                        object.createdAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.createdAtMs) : options.longs === $Number ? new $util.LongBits(message.createdAtMs.low >>> 0, message.createdAtMs.high >>> 0).toNumber() : message.createdAtMs;
                return object;
            };

            /**
             * Converts this UserCreated to JSON.
             * @function toJSON
             * @memberof faultline.v1.UserCreated
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UserCreated.prototype.toJSON = function() {
                return UserCreated.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for UserCreated
             * @function getTypeUrl
             * @memberof faultline.v1.UserCreated
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UserCreated.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.UserCreated";
            };

            return UserCreated;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} faultline.v1.Envelope.$Properties
             * @property {string|null} [messageId] Envelope messageId
             * @property {string|null} [type] Envelope type
             * @property {string|null} [correlationId] Envelope correlationId
             * @property {string|null} [causationId] Envelope causationId
             * @property {number|null} [attempt] Envelope attempt
             * @property {string|null} [producer] Envelope producer
             * @property {Long|null} [producedAtMs] Envelope producedAtMs
             * @property {Uint8Array|null} [payload] Envelope payload
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof faultline.v1
             * @interface IEnvelope
             * @augments faultline.v1.Envelope.$Properties
             * @deprecated Use faultline.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {faultline.v1.Envelope.$Properties} faultline.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof faultline.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {faultline.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope messageId.
             * @member {string} messageId
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.messageId = "";

            /**
             * Envelope type.
             * @member {string} type
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.type = "";

            /**
             * Envelope correlationId.
             * @member {string} correlationId
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.correlationId = "";

            /**
             * Envelope causationId.
             * @member {string} causationId
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.causationId = "";

            /**
             * Envelope attempt.
             * @member {number} attempt
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.attempt = 0;

            /**
             * Envelope producer.
             * @member {string} producer
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.producer = "";

            /**
             * Envelope producedAtMs.
             * @member {Long} producedAtMs
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.producedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Envelope payload.
             * @member {Uint8Array} payload
             * @memberof faultline.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload = $util.newBuffer([]);

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof faultline.v1.Envelope
             * @static
             * @param {faultline.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: faultline.v1.Envelope.$Shape): faultline.v1.Envelope & faultline.v1.Envelope.$Shape;
             *   (properties?: faultline.v1.Envelope.$Properties): faultline.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link faultline.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.Envelope
             * @static
             * @param {faultline.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.messageId);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.type);
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId") && message.correlationId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.correlationId);
                if (message.causationId != null && $Object.hasOwnProperty.call(message, "causationId") && message.causationId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.causationId);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.attempt);
                if (message.producer != null && $Object.hasOwnProperty.call(message, "producer") && message.producer !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.producer);
                if (message.producedAtMs != null && $Object.hasOwnProperty.call(message, "producedAtMs") && (typeof message.producedAtMs === "object" ? message.producedAtMs.low || message.producedAtMs.high : message.producedAtMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.producedAtMs);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.payload);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link faultline.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.Envelope
             * @static
             * @param {faultline.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.Envelope & faultline.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.correlationId = value;
                            else
                                delete message.correlationId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.causationId = value;
                            else
                                delete message.causationId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.producer = value;
                            else
                                delete message.producer;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.producedAtMs = value;
                            else
                                delete message.producedAtMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.Envelope & faultline.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.Envelope();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.type != null)
                    if (typeof object.type !== "string" || object.type.length)
                        message.type = $String(object.type);
                if (object.correlationId != null)
                    if (typeof object.correlationId !== "string" || object.correlationId.length)
                        message.correlationId = $String(object.correlationId);
                if (object.causationId != null)
                    if (typeof object.causationId !== "string" || object.causationId.length)
                        message.causationId = $String(object.causationId);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.producer != null)
                    if (typeof object.producer !== "string" || object.producer.length)
                        message.producer = $String(object.producer);
                if (object.producedAtMs != null)
                    if (typeof object.producedAtMs === "object" ? object.producedAtMs.low || object.producedAtMs.high : $Number(object.producedAtMs) !== 0)
                        if ($util.Long)
                            message.producedAtMs = $util.Long.fromValue(object.producedAtMs, false);
                        else if (typeof object.producedAtMs === "string")
                            message.producedAtMs = $parseInt(object.producedAtMs, 10);
                        else if (typeof object.producedAtMs === "number")
                            message.producedAtMs = object.producedAtMs;
                        else if (typeof object.producedAtMs === "object")
                            message.producedAtMs = new $util.LongBits(object.producedAtMs.low >>> 0, object.producedAtMs.high >>> 0).toNumber();
                if (object.payload != null)
                    if (object.payload.length)
                        if (typeof object.payload === "string")
                            $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                        else if (object.payload.length >= 0)
                            message.payload = object.payload;
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.Envelope
             * @static
             * @param {faultline.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.messageId = "";
                    object.type = "";
                    object.correlationId = "";
                    object.causationId = "";
                    object.attempt = 0;
                    object.producer = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.producedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.producedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== $Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId"))
                    object.correlationId = message.correlationId;
                if (message.causationId != null && $Object.hasOwnProperty.call(message, "causationId"))
                    object.causationId = message.causationId;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.producer != null && $Object.hasOwnProperty.call(message, "producer"))
                    object.producer = message.producer;
                if (message.producedAtMs != null && $Object.hasOwnProperty.call(message, "producedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.producedAtMs = typeof message.producedAtMs === "number" ? $BigInt(message.producedAtMs) : $util.Long.fromBits(message.producedAtMs.low >>> 0, message.producedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.producedAtMs === "number")
                        object.producedAtMs = options.longs === $String ? $String(message.producedAtMs) : message.producedAtMs;
                    else
                        object.producedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.producedAtMs) : options.longs === $Number ? new $util.LongBits(message.producedAtMs.low >>> 0, message.producedAtMs.high >>> 0).toNumber() : message.producedAtMs;
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    object.payload = options.bytes === $String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.payload) : message.payload;
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof faultline.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof faultline.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.Envelope";
            };

            return Envelope;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} faultline.v1.Ping.$Properties
             * @property {string|null} [text] Ping text
             * @property {Long|null} [sequence] Ping sequence
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof faultline.v1
             * @interface IPing
             * @augments faultline.v1.Ping.$Properties
             * @deprecated Use faultline.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {faultline.v1.Ping.$Properties} faultline.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof faultline.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {faultline.v1.Ping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ping text.
             * @member {string} text
             * @memberof faultline.v1.Ping
             * @instance
             */
            Ping.prototype.text = "";

            /**
             * Ping sequence.
             * @member {Long} sequence
             * @memberof faultline.v1.Ping
             * @instance
             */
            Ping.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof faultline.v1.Ping
             * @static
             * @param {faultline.v1.Ping.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.Ping} Ping instance
             * @type {{
             *   (properties: faultline.v1.Ping.$Shape): faultline.v1.Ping & faultline.v1.Ping.$Shape;
             *   (properties?: faultline.v1.Ping.$Properties): faultline.v1.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link faultline.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.Ping
             * @static
             * @param {faultline.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.text);
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence") && (typeof message.sequence === "object" ? message.sequence.low || message.sequence.high : message.sequence !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.sequence);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Ping message, length delimited. Does not implicitly {@link faultline.v1.Ping.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.Ping
             * @static
             * @param {faultline.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.Ping & faultline.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sequence = value;
                            else
                                delete message.sequence;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.Ping & faultline.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.Ping
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.Ping} Ping
             */
            Ping.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.Ping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.Ping();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                if (object.sequence != null)
                    if (typeof object.sequence === "object" ? object.sequence.low || object.sequence.high : $Number(object.sequence) !== 0)
                        if ($util.Long)
                            message.sequence = $util.Long.fromValue(object.sequence, false);
                        else if (typeof object.sequence === "string")
                            message.sequence = $parseInt(object.sequence, 10);
                        else if (typeof object.sequence === "number")
                            message.sequence = object.sequence;
                        else if (typeof object.sequence === "object")
                            message.sequence = new $util.LongBits(object.sequence.low >>> 0, object.sequence.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.Ping
             * @static
             * @param {faultline.v1.Ping} message Ping
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.text = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sequence = typeof message.sequence === "number" ? $BigInt(message.sequence) : $util.Long.fromBits(message.sequence.low >>> 0, message.sequence.high >>> 0, false).toBigInt();
                    else if (typeof message.sequence === "number")
                        object.sequence = options.longs === $String ? $String(message.sequence) : message.sequence;
                    else
                        object.sequence = options.longs === $String ? $util.Long.prototype.toString.call(message.sequence) : options.longs === $Number ? new $util.LongBits(message.sequence.low >>> 0, message.sequence.high >>> 0).toNumber() : message.sequence;
                return object;
            };

            /**
             * Converts this Ping to JSON.
             * @function toJSON
             * @memberof faultline.v1.Ping
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ping
             * @function getTypeUrl
             * @memberof faultline.v1.Ping
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.Ping";
            };

            return Ping;
        })();

        /**
         * Leg enum.
         * @name faultline.v1.Leg
         * @enum {number}
         * @property {number} LEG_UNSPECIFIED=0 LEG_UNSPECIFIED value
         * @property {number} DEBIT=1 DEBIT value
         * @property {number} CREDIT=2 CREDIT value
         * @property {number} REFUND=3 REFUND value
         */
        v1.Leg = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LEG_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DEBIT"] = 1;
            values[valuesById[2] = "CREDIT"] = 2;
            values[valuesById[3] = "REFUND"] = 3;
            return values;
        })();

        v1.LedgerLegRequested = (function() {

            /**
             * Properties of a LedgerLegRequested.
             * @typedef {Object} faultline.v1.LedgerLegRequested.$Properties
             * @property {string|null} [paymentId] LedgerLegRequested paymentId
             * @property {faultline.v1.Leg|null} [leg] LedgerLegRequested leg
             * @property {string|null} [accountId] LedgerLegRequested accountId
             * @property {string|null} [counterpartyAccountId] LedgerLegRequested counterpartyAccountId
             * @property {Long|null} [amount] LedgerLegRequested amount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LedgerLegRequested.
             * @memberof faultline.v1
             * @interface ILedgerLegRequested
             * @augments faultline.v1.LedgerLegRequested.$Properties
             * @deprecated Use faultline.v1.LedgerLegRequested.$Properties instead.
             */

            /**
             * Shape of a LedgerLegRequested.
             * @typedef {faultline.v1.LedgerLegRequested.$Properties} faultline.v1.LedgerLegRequested.$Shape
             */

            /**
             * Constructs a new LedgerLegRequested.
             * @memberof faultline.v1
             * @classdesc Represents a LedgerLegRequested.
             * @constructor
             * @param {faultline.v1.LedgerLegRequested.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LedgerLegRequested = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LedgerLegRequested paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.LedgerLegRequested
             * @instance
             */
            LedgerLegRequested.prototype.paymentId = "";

            /**
             * LedgerLegRequested leg.
             * @member {faultline.v1.Leg} leg
             * @memberof faultline.v1.LedgerLegRequested
             * @instance
             */
            LedgerLegRequested.prototype.leg = 0;

            /**
             * LedgerLegRequested accountId.
             * @member {string} accountId
             * @memberof faultline.v1.LedgerLegRequested
             * @instance
             */
            LedgerLegRequested.prototype.accountId = "";

            /**
             * LedgerLegRequested counterpartyAccountId.
             * @member {string} counterpartyAccountId
             * @memberof faultline.v1.LedgerLegRequested
             * @instance
             */
            LedgerLegRequested.prototype.counterpartyAccountId = "";

            /**
             * LedgerLegRequested amount.
             * @member {Long} amount
             * @memberof faultline.v1.LedgerLegRequested
             * @instance
             */
            LedgerLegRequested.prototype.amount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new LedgerLegRequested instance using the specified properties.
             * @function create
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {faultline.v1.LedgerLegRequested.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.LedgerLegRequested} LedgerLegRequested instance
             * @type {{
             *   (properties: faultline.v1.LedgerLegRequested.$Shape): faultline.v1.LedgerLegRequested & faultline.v1.LedgerLegRequested.$Shape;
             *   (properties?: faultline.v1.LedgerLegRequested.$Properties): faultline.v1.LedgerLegRequested;
             * }}
             */
            LedgerLegRequested.create = function(properties) {
                return new LedgerLegRequested(properties);
            };

            /**
             * Encodes the specified LedgerLegRequested message. Does not implicitly {@link faultline.v1.LedgerLegRequested.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {faultline.v1.LedgerLegRequested.$Properties} message LedgerLegRequested message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LedgerLegRequested.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paymentId);
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg") && message.leg !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.leg);
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && message.accountId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.accountId);
                if (message.counterpartyAccountId != null && $Object.hasOwnProperty.call(message, "counterpartyAccountId") && message.counterpartyAccountId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.counterpartyAccountId);
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount") && (typeof message.amount === "object" ? message.amount.low || message.amount.high : message.amount !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.amount);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LedgerLegRequested message, length delimited. Does not implicitly {@link faultline.v1.LedgerLegRequested.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {faultline.v1.LedgerLegRequested.$Properties} message LedgerLegRequested message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LedgerLegRequested.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LedgerLegRequested message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.LedgerLegRequested & faultline.v1.LedgerLegRequested.$Shape} LedgerLegRequested
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LedgerLegRequested.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.LedgerLegRequested();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.leg = value;
                            else
                                delete message.leg;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.counterpartyAccountId = value;
                            else
                                delete message.counterpartyAccountId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amount = value;
                            else
                                delete message.amount;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LedgerLegRequested message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.LedgerLegRequested & faultline.v1.LedgerLegRequested.$Shape} LedgerLegRequested
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LedgerLegRequested.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a LedgerLegRequested message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.LedgerLegRequested} LedgerLegRequested
             */
            LedgerLegRequested.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.LedgerLegRequested)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.LedgerLegRequested: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.LedgerLegRequested();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                if (object.leg !== 0 && (typeof object.leg !== "string" || $root.faultline.v1.Leg[object.leg] !== 0))
                    switch (object.leg) {
                    case "LEG_UNSPECIFIED":
                    case 0:
                        message.leg = 0;
                        break;
                    case "DEBIT":
                    case 1:
                        message.leg = 1;
                        break;
                    case "CREDIT":
                    case 2:
                        message.leg = 2;
                        break;
                    case "REFUND":
                    case 3:
                        message.leg = 3;
                        break;
                    default:
                        if (typeof object.leg === "number" && (object.leg | 0) === object.leg)
                            message.leg = object.leg;
                    }
                if (object.accountId != null)
                    if (typeof object.accountId !== "string" || object.accountId.length)
                        message.accountId = $String(object.accountId);
                if (object.counterpartyAccountId != null)
                    if (typeof object.counterpartyAccountId !== "string" || object.counterpartyAccountId.length)
                        message.counterpartyAccountId = $String(object.counterpartyAccountId);
                if (object.amount != null)
                    if (typeof object.amount === "object" ? object.amount.low || object.amount.high : $Number(object.amount) !== 0)
                        if ($util.Long)
                            message.amount = $util.Long.fromValue(object.amount, false);
                        else if (typeof object.amount === "string")
                            message.amount = $parseInt(object.amount, 10);
                        else if (typeof object.amount === "number")
                            message.amount = object.amount;
                        else if (typeof object.amount === "object")
                            message.amount = new $util.LongBits(object.amount.low >>> 0, object.amount.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a LedgerLegRequested message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {faultline.v1.LedgerLegRequested} message LedgerLegRequested
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LedgerLegRequested.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.paymentId = "";
                    object.leg = options.enums === $String ? "LEG_UNSPECIFIED" : 0;
                    object.accountId = "";
                    object.counterpartyAccountId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.amount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.amount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg"))
                    object.leg = options.enums === $String ? $root.faultline.v1.Leg[message.leg] === $undefined ? message.leg : $root.faultline.v1.Leg[message.leg] : message.leg;
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId"))
                    object.accountId = message.accountId;
                if (message.counterpartyAccountId != null && $Object.hasOwnProperty.call(message, "counterpartyAccountId"))
                    object.counterpartyAccountId = message.counterpartyAccountId;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.amount = typeof message.amount === "number" ? $BigInt(message.amount) : $util.Long.fromBits(message.amount.low >>> 0, message.amount.high >>> 0, false).toBigInt();
                    else if (typeof message.amount === "number")
                        object.amount = options.longs === $String ? $String(message.amount) : message.amount;
                    else
                        object.amount = options.longs === $String ? $util.Long.prototype.toString.call(message.amount) : options.longs === $Number ? new $util.LongBits(message.amount.low >>> 0, message.amount.high >>> 0).toNumber() : message.amount;
                return object;
            };

            /**
             * Converts this LedgerLegRequested to JSON.
             * @function toJSON
             * @memberof faultline.v1.LedgerLegRequested
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LedgerLegRequested.prototype.toJSON = function() {
                return LedgerLegRequested.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LedgerLegRequested
             * @function getTypeUrl
             * @memberof faultline.v1.LedgerLegRequested
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LedgerLegRequested.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.LedgerLegRequested";
            };

            return LedgerLegRequested;
        })();

        v1.LedgerLegPosted = (function() {

            /**
             * Properties of a LedgerLegPosted.
             * @typedef {Object} faultline.v1.LedgerLegPosted.$Properties
             * @property {string|null} [paymentId] LedgerLegPosted paymentId
             * @property {faultline.v1.Leg|null} [leg] LedgerLegPosted leg
             * @property {string|null} [accountId] LedgerLegPosted accountId
             * @property {Long|null} [seq] LedgerLegPosted seq
             * @property {Long|null} [amount] LedgerLegPosted amount
             * @property {Long|null} [balanceAfter] LedgerLegPosted balanceAfter
             * @property {boolean|null} [duplicate] LedgerLegPosted duplicate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LedgerLegPosted.
             * @memberof faultline.v1
             * @interface ILedgerLegPosted
             * @augments faultline.v1.LedgerLegPosted.$Properties
             * @deprecated Use faultline.v1.LedgerLegPosted.$Properties instead.
             */

            /**
             * Shape of a LedgerLegPosted.
             * @typedef {faultline.v1.LedgerLegPosted.$Properties} faultline.v1.LedgerLegPosted.$Shape
             */

            /**
             * Constructs a new LedgerLegPosted.
             * @memberof faultline.v1
             * @classdesc Represents a LedgerLegPosted.
             * @constructor
             * @param {faultline.v1.LedgerLegPosted.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LedgerLegPosted = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LedgerLegPosted paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.paymentId = "";

            /**
             * LedgerLegPosted leg.
             * @member {faultline.v1.Leg} leg
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.leg = 0;

            /**
             * LedgerLegPosted accountId.
             * @member {string} accountId
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.accountId = "";

            /**
             * LedgerLegPosted seq.
             * @member {Long} seq
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LedgerLegPosted amount.
             * @member {Long} amount
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.amount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LedgerLegPosted balanceAfter.
             * @member {Long} balanceAfter
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.balanceAfter = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LedgerLegPosted duplicate.
             * @member {boolean} duplicate
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             */
            LedgerLegPosted.prototype.duplicate = false;

            /**
             * Creates a new LedgerLegPosted instance using the specified properties.
             * @function create
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {faultline.v1.LedgerLegPosted.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.LedgerLegPosted} LedgerLegPosted instance
             * @type {{
             *   (properties: faultline.v1.LedgerLegPosted.$Shape): faultline.v1.LedgerLegPosted & faultline.v1.LedgerLegPosted.$Shape;
             *   (properties?: faultline.v1.LedgerLegPosted.$Properties): faultline.v1.LedgerLegPosted;
             * }}
             */
            LedgerLegPosted.create = function(properties) {
                return new LedgerLegPosted(properties);
            };

            /**
             * Encodes the specified LedgerLegPosted message. Does not implicitly {@link faultline.v1.LedgerLegPosted.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {faultline.v1.LedgerLegPosted.$Properties} message LedgerLegPosted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LedgerLegPosted.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paymentId);
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg") && message.leg !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.leg);
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && message.accountId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.accountId);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.seq);
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount") && (typeof message.amount === "object" ? message.amount.low || message.amount.high : message.amount !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.amount);
                if (message.balanceAfter != null && $Object.hasOwnProperty.call(message, "balanceAfter") && (typeof message.balanceAfter === "object" ? message.balanceAfter.low || message.balanceAfter.high : message.balanceAfter !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.balanceAfter);
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.duplicate);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LedgerLegPosted message, length delimited. Does not implicitly {@link faultline.v1.LedgerLegPosted.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {faultline.v1.LedgerLegPosted.$Properties} message LedgerLegPosted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LedgerLegPosted.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LedgerLegPosted message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.LedgerLegPosted & faultline.v1.LedgerLegPosted.$Shape} LedgerLegPosted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LedgerLegPosted.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.LedgerLegPosted();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.leg = value;
                            else
                                delete message.leg;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amount = value;
                            else
                                delete message.amount;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.balanceAfter = value;
                            else
                                delete message.balanceAfter;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.duplicate = value;
                            else
                                delete message.duplicate;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LedgerLegPosted message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.LedgerLegPosted & faultline.v1.LedgerLegPosted.$Shape} LedgerLegPosted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LedgerLegPosted.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a LedgerLegPosted message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.LedgerLegPosted} LedgerLegPosted
             */
            LedgerLegPosted.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.LedgerLegPosted)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.LedgerLegPosted: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.LedgerLegPosted();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                if (object.leg !== 0 && (typeof object.leg !== "string" || $root.faultline.v1.Leg[object.leg] !== 0))
                    switch (object.leg) {
                    case "LEG_UNSPECIFIED":
                    case 0:
                        message.leg = 0;
                        break;
                    case "DEBIT":
                    case 1:
                        message.leg = 1;
                        break;
                    case "CREDIT":
                    case 2:
                        message.leg = 2;
                        break;
                    case "REFUND":
                    case 3:
                        message.leg = 3;
                        break;
                    default:
                        if (typeof object.leg === "number" && (object.leg | 0) === object.leg)
                            message.leg = object.leg;
                    }
                if (object.accountId != null)
                    if (typeof object.accountId !== "string" || object.accountId.length)
                        message.accountId = $String(object.accountId);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, false);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber();
                if (object.amount != null)
                    if (typeof object.amount === "object" ? object.amount.low || object.amount.high : $Number(object.amount) !== 0)
                        if ($util.Long)
                            message.amount = $util.Long.fromValue(object.amount, false);
                        else if (typeof object.amount === "string")
                            message.amount = $parseInt(object.amount, 10);
                        else if (typeof object.amount === "number")
                            message.amount = object.amount;
                        else if (typeof object.amount === "object")
                            message.amount = new $util.LongBits(object.amount.low >>> 0, object.amount.high >>> 0).toNumber();
                if (object.balanceAfter != null)
                    if (typeof object.balanceAfter === "object" ? object.balanceAfter.low || object.balanceAfter.high : $Number(object.balanceAfter) !== 0)
                        if ($util.Long)
                            message.balanceAfter = $util.Long.fromValue(object.balanceAfter, false);
                        else if (typeof object.balanceAfter === "string")
                            message.balanceAfter = $parseInt(object.balanceAfter, 10);
                        else if (typeof object.balanceAfter === "number")
                            message.balanceAfter = object.balanceAfter;
                        else if (typeof object.balanceAfter === "object")
                            message.balanceAfter = new $util.LongBits(object.balanceAfter.low >>> 0, object.balanceAfter.high >>> 0).toNumber();
                if (object.duplicate != null)
                    if (object.duplicate)
                        message.duplicate = $Boolean(object.duplicate);
                return message;
            };

            /**
             * Creates a plain object from a LedgerLegPosted message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {faultline.v1.LedgerLegPosted} message LedgerLegPosted
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LedgerLegPosted.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.paymentId = "";
                    object.leg = options.enums === $String ? "LEG_UNSPECIFIED" : 0;
                    object.accountId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.amount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.amount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.balanceAfter = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.balanceAfter = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.duplicate = false;
                }
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg"))
                    object.leg = options.enums === $String ? $root.faultline.v1.Leg[message.leg] === $undefined ? message.leg : $root.faultline.v1.Leg[message.leg] : message.leg;
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId"))
                    object.accountId = message.accountId;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, false).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber() : message.seq;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.amount = typeof message.amount === "number" ? $BigInt(message.amount) : $util.Long.fromBits(message.amount.low >>> 0, message.amount.high >>> 0, false).toBigInt();
                    else if (typeof message.amount === "number")
                        object.amount = options.longs === $String ? $String(message.amount) : message.amount;
                    else
                        object.amount = options.longs === $String ? $util.Long.prototype.toString.call(message.amount) : options.longs === $Number ? new $util.LongBits(message.amount.low >>> 0, message.amount.high >>> 0).toNumber() : message.amount;
                if (message.balanceAfter != null && $Object.hasOwnProperty.call(message, "balanceAfter"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.balanceAfter = typeof message.balanceAfter === "number" ? $BigInt(message.balanceAfter) : $util.Long.fromBits(message.balanceAfter.low >>> 0, message.balanceAfter.high >>> 0, false).toBigInt();
                    else if (typeof message.balanceAfter === "number")
                        object.balanceAfter = options.longs === $String ? $String(message.balanceAfter) : message.balanceAfter;
                    else
                        object.balanceAfter = options.longs === $String ? $util.Long.prototype.toString.call(message.balanceAfter) : options.longs === $Number ? new $util.LongBits(message.balanceAfter.low >>> 0, message.balanceAfter.high >>> 0).toNumber() : message.balanceAfter;
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate"))
                    object.duplicate = message.duplicate;
                return object;
            };

            /**
             * Converts this LedgerLegPosted to JSON.
             * @function toJSON
             * @memberof faultline.v1.LedgerLegPosted
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LedgerLegPosted.prototype.toJSON = function() {
                return LedgerLegPosted.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LedgerLegPosted
             * @function getTypeUrl
             * @memberof faultline.v1.LedgerLegPosted
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LedgerLegPosted.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.LedgerLegPosted";
            };

            return LedgerLegPosted;
        })();

        v1.LedgerLegRejected = (function() {

            /**
             * Properties of a LedgerLegRejected.
             * @typedef {Object} faultline.v1.LedgerLegRejected.$Properties
             * @property {string|null} [paymentId] LedgerLegRejected paymentId
             * @property {faultline.v1.Leg|null} [leg] LedgerLegRejected leg
             * @property {string|null} [accountId] LedgerLegRejected accountId
             * @property {string|null} [reason] LedgerLegRejected reason
             * @property {Long|null} [balance] LedgerLegRejected balance
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LedgerLegRejected.
             * @memberof faultline.v1
             * @interface ILedgerLegRejected
             * @augments faultline.v1.LedgerLegRejected.$Properties
             * @deprecated Use faultline.v1.LedgerLegRejected.$Properties instead.
             */

            /**
             * Shape of a LedgerLegRejected.
             * @typedef {faultline.v1.LedgerLegRejected.$Properties} faultline.v1.LedgerLegRejected.$Shape
             */

            /**
             * Constructs a new LedgerLegRejected.
             * @memberof faultline.v1
             * @classdesc Represents a LedgerLegRejected.
             * @constructor
             * @param {faultline.v1.LedgerLegRejected.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LedgerLegRejected = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LedgerLegRejected paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.LedgerLegRejected
             * @instance
             */
            LedgerLegRejected.prototype.paymentId = "";

            /**
             * LedgerLegRejected leg.
             * @member {faultline.v1.Leg} leg
             * @memberof faultline.v1.LedgerLegRejected
             * @instance
             */
            LedgerLegRejected.prototype.leg = 0;

            /**
             * LedgerLegRejected accountId.
             * @member {string} accountId
             * @memberof faultline.v1.LedgerLegRejected
             * @instance
             */
            LedgerLegRejected.prototype.accountId = "";

            /**
             * LedgerLegRejected reason.
             * @member {string} reason
             * @memberof faultline.v1.LedgerLegRejected
             * @instance
             */
            LedgerLegRejected.prototype.reason = "";

            /**
             * LedgerLegRejected balance.
             * @member {Long} balance
             * @memberof faultline.v1.LedgerLegRejected
             * @instance
             */
            LedgerLegRejected.prototype.balance = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new LedgerLegRejected instance using the specified properties.
             * @function create
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {faultline.v1.LedgerLegRejected.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.LedgerLegRejected} LedgerLegRejected instance
             * @type {{
             *   (properties: faultline.v1.LedgerLegRejected.$Shape): faultline.v1.LedgerLegRejected & faultline.v1.LedgerLegRejected.$Shape;
             *   (properties?: faultline.v1.LedgerLegRejected.$Properties): faultline.v1.LedgerLegRejected;
             * }}
             */
            LedgerLegRejected.create = function(properties) {
                return new LedgerLegRejected(properties);
            };

            /**
             * Encodes the specified LedgerLegRejected message. Does not implicitly {@link faultline.v1.LedgerLegRejected.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {faultline.v1.LedgerLegRejected.$Properties} message LedgerLegRejected message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LedgerLegRejected.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paymentId);
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg") && message.leg !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.leg);
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && message.accountId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.accountId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance") && (typeof message.balance === "object" ? message.balance.low || message.balance.high : message.balance !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.balance);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LedgerLegRejected message, length delimited. Does not implicitly {@link faultline.v1.LedgerLegRejected.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {faultline.v1.LedgerLegRejected.$Properties} message LedgerLegRejected message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LedgerLegRejected.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LedgerLegRejected message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.LedgerLegRejected & faultline.v1.LedgerLegRejected.$Shape} LedgerLegRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LedgerLegRejected.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.LedgerLegRejected();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.leg = value;
                            else
                                delete message.leg;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.balance = value;
                            else
                                delete message.balance;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LedgerLegRejected message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.LedgerLegRejected & faultline.v1.LedgerLegRejected.$Shape} LedgerLegRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LedgerLegRejected.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a LedgerLegRejected message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.LedgerLegRejected} LedgerLegRejected
             */
            LedgerLegRejected.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.LedgerLegRejected)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.LedgerLegRejected: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.LedgerLegRejected();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                if (object.leg !== 0 && (typeof object.leg !== "string" || $root.faultline.v1.Leg[object.leg] !== 0))
                    switch (object.leg) {
                    case "LEG_UNSPECIFIED":
                    case 0:
                        message.leg = 0;
                        break;
                    case "DEBIT":
                    case 1:
                        message.leg = 1;
                        break;
                    case "CREDIT":
                    case 2:
                        message.leg = 2;
                        break;
                    case "REFUND":
                    case 3:
                        message.leg = 3;
                        break;
                    default:
                        if (typeof object.leg === "number" && (object.leg | 0) === object.leg)
                            message.leg = object.leg;
                    }
                if (object.accountId != null)
                    if (typeof object.accountId !== "string" || object.accountId.length)
                        message.accountId = $String(object.accountId);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.balance != null)
                    if (typeof object.balance === "object" ? object.balance.low || object.balance.high : $Number(object.balance) !== 0)
                        if ($util.Long)
                            message.balance = $util.Long.fromValue(object.balance, false);
                        else if (typeof object.balance === "string")
                            message.balance = $parseInt(object.balance, 10);
                        else if (typeof object.balance === "number")
                            message.balance = object.balance;
                        else if (typeof object.balance === "object")
                            message.balance = new $util.LongBits(object.balance.low >>> 0, object.balance.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a LedgerLegRejected message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {faultline.v1.LedgerLegRejected} message LedgerLegRejected
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LedgerLegRejected.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.paymentId = "";
                    object.leg = options.enums === $String ? "LEG_UNSPECIFIED" : 0;
                    object.accountId = "";
                    object.reason = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.balance = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.balance = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg"))
                    object.leg = options.enums === $String ? $root.faultline.v1.Leg[message.leg] === $undefined ? message.leg : $root.faultline.v1.Leg[message.leg] : message.leg;
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId"))
                    object.accountId = message.accountId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.balance = typeof message.balance === "number" ? $BigInt(message.balance) : $util.Long.fromBits(message.balance.low >>> 0, message.balance.high >>> 0, false).toBigInt();
                    else if (typeof message.balance === "number")
                        object.balance = options.longs === $String ? $String(message.balance) : message.balance;
                    else
                        object.balance = options.longs === $String ? $util.Long.prototype.toString.call(message.balance) : options.longs === $Number ? new $util.LongBits(message.balance.low >>> 0, message.balance.high >>> 0).toNumber() : message.balance;
                return object;
            };

            /**
             * Converts this LedgerLegRejected to JSON.
             * @function toJSON
             * @memberof faultline.v1.LedgerLegRejected
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LedgerLegRejected.prototype.toJSON = function() {
                return LedgerLegRejected.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LedgerLegRejected
             * @function getTypeUrl
             * @memberof faultline.v1.LedgerLegRejected
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LedgerLegRejected.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.LedgerLegRejected";
            };

            return LedgerLegRejected;
        })();

        v1.BalanceChanged = (function() {

            /**
             * Properties of a BalanceChanged.
             * @typedef {Object} faultline.v1.BalanceChanged.$Properties
             * @property {string|null} [accountId] BalanceChanged accountId
             * @property {Long|null} [seq] BalanceChanged seq
             * @property {Long|null} [balance] BalanceChanged balance
             * @property {string|null} [paymentId] BalanceChanged paymentId
             * @property {faultline.v1.Leg|null} [leg] BalanceChanged leg
             * @property {Long|null} [amount] BalanceChanged amount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BalanceChanged.
             * @memberof faultline.v1
             * @interface IBalanceChanged
             * @augments faultline.v1.BalanceChanged.$Properties
             * @deprecated Use faultline.v1.BalanceChanged.$Properties instead.
             */

            /**
             * Shape of a BalanceChanged.
             * @typedef {faultline.v1.BalanceChanged.$Properties} faultline.v1.BalanceChanged.$Shape
             */

            /**
             * Constructs a new BalanceChanged.
             * @memberof faultline.v1
             * @classdesc Represents a BalanceChanged.
             * @constructor
             * @param {faultline.v1.BalanceChanged.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BalanceChanged = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BalanceChanged accountId.
             * @member {string} accountId
             * @memberof faultline.v1.BalanceChanged
             * @instance
             */
            BalanceChanged.prototype.accountId = "";

            /**
             * BalanceChanged seq.
             * @member {Long} seq
             * @memberof faultline.v1.BalanceChanged
             * @instance
             */
            BalanceChanged.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * BalanceChanged balance.
             * @member {Long} balance
             * @memberof faultline.v1.BalanceChanged
             * @instance
             */
            BalanceChanged.prototype.balance = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * BalanceChanged paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.BalanceChanged
             * @instance
             */
            BalanceChanged.prototype.paymentId = "";

            /**
             * BalanceChanged leg.
             * @member {faultline.v1.Leg} leg
             * @memberof faultline.v1.BalanceChanged
             * @instance
             */
            BalanceChanged.prototype.leg = 0;

            /**
             * BalanceChanged amount.
             * @member {Long} amount
             * @memberof faultline.v1.BalanceChanged
             * @instance
             */
            BalanceChanged.prototype.amount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new BalanceChanged instance using the specified properties.
             * @function create
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {faultline.v1.BalanceChanged.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.BalanceChanged} BalanceChanged instance
             * @type {{
             *   (properties: faultline.v1.BalanceChanged.$Shape): faultline.v1.BalanceChanged & faultline.v1.BalanceChanged.$Shape;
             *   (properties?: faultline.v1.BalanceChanged.$Properties): faultline.v1.BalanceChanged;
             * }}
             */
            BalanceChanged.create = function(properties) {
                return new BalanceChanged(properties);
            };

            /**
             * Encodes the specified BalanceChanged message. Does not implicitly {@link faultline.v1.BalanceChanged.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {faultline.v1.BalanceChanged.$Properties} message BalanceChanged message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BalanceChanged.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && message.accountId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.accountId);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.seq);
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance") && (typeof message.balance === "object" ? message.balance.low || message.balance.high : message.balance !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.balance);
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.paymentId);
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg") && message.leg !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.leg);
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount") && (typeof message.amount === "object" ? message.amount.low || message.amount.high : message.amount !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.amount);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified BalanceChanged message, length delimited. Does not implicitly {@link faultline.v1.BalanceChanged.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {faultline.v1.BalanceChanged.$Properties} message BalanceChanged message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BalanceChanged.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a BalanceChanged message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.BalanceChanged & faultline.v1.BalanceChanged.$Shape} BalanceChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BalanceChanged.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.BalanceChanged();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.balance = value;
                            else
                                delete message.balance;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.leg = value;
                            else
                                delete message.leg;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amount = value;
                            else
                                delete message.amount;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a BalanceChanged message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.BalanceChanged & faultline.v1.BalanceChanged.$Shape} BalanceChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BalanceChanged.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a BalanceChanged message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.BalanceChanged} BalanceChanged
             */
            BalanceChanged.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.BalanceChanged)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.BalanceChanged: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.BalanceChanged();
                if (object.accountId != null)
                    if (typeof object.accountId !== "string" || object.accountId.length)
                        message.accountId = $String(object.accountId);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, false);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber();
                if (object.balance != null)
                    if (typeof object.balance === "object" ? object.balance.low || object.balance.high : $Number(object.balance) !== 0)
                        if ($util.Long)
                            message.balance = $util.Long.fromValue(object.balance, false);
                        else if (typeof object.balance === "string")
                            message.balance = $parseInt(object.balance, 10);
                        else if (typeof object.balance === "number")
                            message.balance = object.balance;
                        else if (typeof object.balance === "object")
                            message.balance = new $util.LongBits(object.balance.low >>> 0, object.balance.high >>> 0).toNumber();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                if (object.leg !== 0 && (typeof object.leg !== "string" || $root.faultline.v1.Leg[object.leg] !== 0))
                    switch (object.leg) {
                    case "LEG_UNSPECIFIED":
                    case 0:
                        message.leg = 0;
                        break;
                    case "DEBIT":
                    case 1:
                        message.leg = 1;
                        break;
                    case "CREDIT":
                    case 2:
                        message.leg = 2;
                        break;
                    case "REFUND":
                    case 3:
                        message.leg = 3;
                        break;
                    default:
                        if (typeof object.leg === "number" && (object.leg | 0) === object.leg)
                            message.leg = object.leg;
                    }
                if (object.amount != null)
                    if (typeof object.amount === "object" ? object.amount.low || object.amount.high : $Number(object.amount) !== 0)
                        if ($util.Long)
                            message.amount = $util.Long.fromValue(object.amount, false);
                        else if (typeof object.amount === "string")
                            message.amount = $parseInt(object.amount, 10);
                        else if (typeof object.amount === "number")
                            message.amount = object.amount;
                        else if (typeof object.amount === "object")
                            message.amount = new $util.LongBits(object.amount.low >>> 0, object.amount.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a BalanceChanged message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {faultline.v1.BalanceChanged} message BalanceChanged
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BalanceChanged.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.accountId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.balance = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.balance = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.paymentId = "";
                    object.leg = options.enums === $String ? "LEG_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.amount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.amount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId"))
                    object.accountId = message.accountId;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, false).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber() : message.seq;
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.balance = typeof message.balance === "number" ? $BigInt(message.balance) : $util.Long.fromBits(message.balance.low >>> 0, message.balance.high >>> 0, false).toBigInt();
                    else if (typeof message.balance === "number")
                        object.balance = options.longs === $String ? $String(message.balance) : message.balance;
                    else
                        object.balance = options.longs === $String ? $util.Long.prototype.toString.call(message.balance) : options.longs === $Number ? new $util.LongBits(message.balance.low >>> 0, message.balance.high >>> 0).toNumber() : message.balance;
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                if (message.leg != null && $Object.hasOwnProperty.call(message, "leg"))
                    object.leg = options.enums === $String ? $root.faultline.v1.Leg[message.leg] === $undefined ? message.leg : $root.faultline.v1.Leg[message.leg] : message.leg;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.amount = typeof message.amount === "number" ? $BigInt(message.amount) : $util.Long.fromBits(message.amount.low >>> 0, message.amount.high >>> 0, false).toBigInt();
                    else if (typeof message.amount === "number")
                        object.amount = options.longs === $String ? $String(message.amount) : message.amount;
                    else
                        object.amount = options.longs === $String ? $util.Long.prototype.toString.call(message.amount) : options.longs === $Number ? new $util.LongBits(message.amount.low >>> 0, message.amount.high >>> 0).toNumber() : message.amount;
                return object;
            };

            /**
             * Converts this BalanceChanged to JSON.
             * @function toJSON
             * @memberof faultline.v1.BalanceChanged
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BalanceChanged.prototype.toJSON = function() {
                return BalanceChanged.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for BalanceChanged
             * @function getTypeUrl
             * @memberof faultline.v1.BalanceChanged
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BalanceChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.BalanceChanged";
            };

            return BalanceChanged;
        })();

        v1.PaymentRequested = (function() {

            /**
             * Properties of a PaymentRequested.
             * @typedef {Object} faultline.v1.PaymentRequested.$Properties
             * @property {string|null} [paymentId] PaymentRequested paymentId
             * @property {string|null} [fromAccountId] PaymentRequested fromAccountId
             * @property {string|null} [toAccountId] PaymentRequested toAccountId
             * @property {Long|null} [amount] PaymentRequested amount
             * @property {string|null} [requestedByUserId] PaymentRequested requestedByUserId
             * @property {boolean|null} [system] PaymentRequested system
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PaymentRequested.
             * @memberof faultline.v1
             * @interface IPaymentRequested
             * @augments faultline.v1.PaymentRequested.$Properties
             * @deprecated Use faultline.v1.PaymentRequested.$Properties instead.
             */

            /**
             * Shape of a PaymentRequested.
             * @typedef {faultline.v1.PaymentRequested.$Properties} faultline.v1.PaymentRequested.$Shape
             */

            /**
             * Constructs a new PaymentRequested.
             * @memberof faultline.v1
             * @classdesc Represents a PaymentRequested.
             * @constructor
             * @param {faultline.v1.PaymentRequested.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PaymentRequested = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PaymentRequested paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.PaymentRequested
             * @instance
             */
            PaymentRequested.prototype.paymentId = "";

            /**
             * PaymentRequested fromAccountId.
             * @member {string} fromAccountId
             * @memberof faultline.v1.PaymentRequested
             * @instance
             */
            PaymentRequested.prototype.fromAccountId = "";

            /**
             * PaymentRequested toAccountId.
             * @member {string} toAccountId
             * @memberof faultline.v1.PaymentRequested
             * @instance
             */
            PaymentRequested.prototype.toAccountId = "";

            /**
             * PaymentRequested amount.
             * @member {Long} amount
             * @memberof faultline.v1.PaymentRequested
             * @instance
             */
            PaymentRequested.prototype.amount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PaymentRequested requestedByUserId.
             * @member {string} requestedByUserId
             * @memberof faultline.v1.PaymentRequested
             * @instance
             */
            PaymentRequested.prototype.requestedByUserId = "";

            /**
             * PaymentRequested system.
             * @member {boolean} system
             * @memberof faultline.v1.PaymentRequested
             * @instance
             */
            PaymentRequested.prototype.system = false;

            /**
             * Creates a new PaymentRequested instance using the specified properties.
             * @function create
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {faultline.v1.PaymentRequested.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.PaymentRequested} PaymentRequested instance
             * @type {{
             *   (properties: faultline.v1.PaymentRequested.$Shape): faultline.v1.PaymentRequested & faultline.v1.PaymentRequested.$Shape;
             *   (properties?: faultline.v1.PaymentRequested.$Properties): faultline.v1.PaymentRequested;
             * }}
             */
            PaymentRequested.create = function(properties) {
                return new PaymentRequested(properties);
            };

            /**
             * Encodes the specified PaymentRequested message. Does not implicitly {@link faultline.v1.PaymentRequested.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {faultline.v1.PaymentRequested.$Properties} message PaymentRequested message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PaymentRequested.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paymentId);
                if (message.fromAccountId != null && $Object.hasOwnProperty.call(message, "fromAccountId") && message.fromAccountId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.fromAccountId);
                if (message.toAccountId != null && $Object.hasOwnProperty.call(message, "toAccountId") && message.toAccountId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.toAccountId);
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount") && (typeof message.amount === "object" ? message.amount.low || message.amount.high : message.amount !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.amount);
                if (message.requestedByUserId != null && $Object.hasOwnProperty.call(message, "requestedByUserId") && message.requestedByUserId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.requestedByUserId);
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.system);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PaymentRequested message, length delimited. Does not implicitly {@link faultline.v1.PaymentRequested.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {faultline.v1.PaymentRequested.$Properties} message PaymentRequested message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PaymentRequested.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PaymentRequested message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.PaymentRequested & faultline.v1.PaymentRequested.$Shape} PaymentRequested
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PaymentRequested.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.PaymentRequested();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fromAccountId = value;
                            else
                                delete message.fromAccountId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.toAccountId = value;
                            else
                                delete message.toAccountId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amount = value;
                            else
                                delete message.amount;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestedByUserId = value;
                            else
                                delete message.requestedByUserId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PaymentRequested message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.PaymentRequested & faultline.v1.PaymentRequested.$Shape} PaymentRequested
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PaymentRequested.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a PaymentRequested message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.PaymentRequested} PaymentRequested
             */
            PaymentRequested.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.PaymentRequested)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.PaymentRequested: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.PaymentRequested();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                if (object.fromAccountId != null)
                    if (typeof object.fromAccountId !== "string" || object.fromAccountId.length)
                        message.fromAccountId = $String(object.fromAccountId);
                if (object.toAccountId != null)
                    if (typeof object.toAccountId !== "string" || object.toAccountId.length)
                        message.toAccountId = $String(object.toAccountId);
                if (object.amount != null)
                    if (typeof object.amount === "object" ? object.amount.low || object.amount.high : $Number(object.amount) !== 0)
                        if ($util.Long)
                            message.amount = $util.Long.fromValue(object.amount, false);
                        else if (typeof object.amount === "string")
                            message.amount = $parseInt(object.amount, 10);
                        else if (typeof object.amount === "number")
                            message.amount = object.amount;
                        else if (typeof object.amount === "object")
                            message.amount = new $util.LongBits(object.amount.low >>> 0, object.amount.high >>> 0).toNumber();
                if (object.requestedByUserId != null)
                    if (typeof object.requestedByUserId !== "string" || object.requestedByUserId.length)
                        message.requestedByUserId = $String(object.requestedByUserId);
                if (object.system != null)
                    if (object.system)
                        message.system = $Boolean(object.system);
                return message;
            };

            /**
             * Creates a plain object from a PaymentRequested message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {faultline.v1.PaymentRequested} message PaymentRequested
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PaymentRequested.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.paymentId = "";
                    object.fromAccountId = "";
                    object.toAccountId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.amount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.amount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.requestedByUserId = "";
                    object.system = false;
                }
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                if (message.fromAccountId != null && $Object.hasOwnProperty.call(message, "fromAccountId"))
                    object.fromAccountId = message.fromAccountId;
                if (message.toAccountId != null && $Object.hasOwnProperty.call(message, "toAccountId"))
                    object.toAccountId = message.toAccountId;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.amount = typeof message.amount === "number" ? $BigInt(message.amount) : $util.Long.fromBits(message.amount.low >>> 0, message.amount.high >>> 0, false).toBigInt();
                    else if (typeof message.amount === "number")
                        object.amount = options.longs === $String ? $String(message.amount) : message.amount;
                    else
                        object.amount = options.longs === $String ? $util.Long.prototype.toString.call(message.amount) : options.longs === $Number ? new $util.LongBits(message.amount.low >>> 0, message.amount.high >>> 0).toNumber() : message.amount;
                if (message.requestedByUserId != null && $Object.hasOwnProperty.call(message, "requestedByUserId"))
                    object.requestedByUserId = message.requestedByUserId;
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                return object;
            };

            /**
             * Converts this PaymentRequested to JSON.
             * @function toJSON
             * @memberof faultline.v1.PaymentRequested
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PaymentRequested.prototype.toJSON = function() {
                return PaymentRequested.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PaymentRequested
             * @function getTypeUrl
             * @memberof faultline.v1.PaymentRequested
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PaymentRequested.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.PaymentRequested";
            };

            return PaymentRequested;
        })();

        v1.PaymentValidated = (function() {

            /**
             * Properties of a PaymentValidated.
             * @typedef {Object} faultline.v1.PaymentValidated.$Properties
             * @property {string|null} [paymentId] PaymentValidated paymentId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PaymentValidated.
             * @memberof faultline.v1
             * @interface IPaymentValidated
             * @augments faultline.v1.PaymentValidated.$Properties
             * @deprecated Use faultline.v1.PaymentValidated.$Properties instead.
             */

            /**
             * Shape of a PaymentValidated.
             * @typedef {faultline.v1.PaymentValidated.$Properties} faultline.v1.PaymentValidated.$Shape
             */

            /**
             * Constructs a new PaymentValidated.
             * @memberof faultline.v1
             * @classdesc Represents a PaymentValidated.
             * @constructor
             * @param {faultline.v1.PaymentValidated.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PaymentValidated = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PaymentValidated paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.PaymentValidated
             * @instance
             */
            PaymentValidated.prototype.paymentId = "";

            /**
             * Creates a new PaymentValidated instance using the specified properties.
             * @function create
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {faultline.v1.PaymentValidated.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.PaymentValidated} PaymentValidated instance
             * @type {{
             *   (properties: faultline.v1.PaymentValidated.$Shape): faultline.v1.PaymentValidated & faultline.v1.PaymentValidated.$Shape;
             *   (properties?: faultline.v1.PaymentValidated.$Properties): faultline.v1.PaymentValidated;
             * }}
             */
            PaymentValidated.create = function(properties) {
                return new PaymentValidated(properties);
            };

            /**
             * Encodes the specified PaymentValidated message. Does not implicitly {@link faultline.v1.PaymentValidated.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {faultline.v1.PaymentValidated.$Properties} message PaymentValidated message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PaymentValidated.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paymentId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PaymentValidated message, length delimited. Does not implicitly {@link faultline.v1.PaymentValidated.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {faultline.v1.PaymentValidated.$Properties} message PaymentValidated message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PaymentValidated.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PaymentValidated message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.PaymentValidated & faultline.v1.PaymentValidated.$Shape} PaymentValidated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PaymentValidated.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.PaymentValidated();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PaymentValidated message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.PaymentValidated & faultline.v1.PaymentValidated.$Shape} PaymentValidated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PaymentValidated.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a PaymentValidated message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.PaymentValidated} PaymentValidated
             */
            PaymentValidated.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.PaymentValidated)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.PaymentValidated: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.PaymentValidated();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                return message;
            };

            /**
             * Creates a plain object from a PaymentValidated message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {faultline.v1.PaymentValidated} message PaymentValidated
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PaymentValidated.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.paymentId = "";
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                return object;
            };

            /**
             * Converts this PaymentValidated to JSON.
             * @function toJSON
             * @memberof faultline.v1.PaymentValidated
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PaymentValidated.prototype.toJSON = function() {
                return PaymentValidated.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PaymentValidated
             * @function getTypeUrl
             * @memberof faultline.v1.PaymentValidated
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PaymentValidated.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.PaymentValidated";
            };

            return PaymentValidated;
        })();

        v1.PaymentRejected = (function() {

            /**
             * Properties of a PaymentRejected.
             * @typedef {Object} faultline.v1.PaymentRejected.$Properties
             * @property {string|null} [paymentId] PaymentRejected paymentId
             * @property {string|null} [reason] PaymentRejected reason
             * @property {string|null} [detail] PaymentRejected detail
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PaymentRejected.
             * @memberof faultline.v1
             * @interface IPaymentRejected
             * @augments faultline.v1.PaymentRejected.$Properties
             * @deprecated Use faultline.v1.PaymentRejected.$Properties instead.
             */

            /**
             * Shape of a PaymentRejected.
             * @typedef {faultline.v1.PaymentRejected.$Properties} faultline.v1.PaymentRejected.$Shape
             */

            /**
             * Constructs a new PaymentRejected.
             * @memberof faultline.v1
             * @classdesc Represents a PaymentRejected.
             * @constructor
             * @param {faultline.v1.PaymentRejected.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PaymentRejected = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PaymentRejected paymentId.
             * @member {string} paymentId
             * @memberof faultline.v1.PaymentRejected
             * @instance
             */
            PaymentRejected.prototype.paymentId = "";

            /**
             * PaymentRejected reason.
             * @member {string} reason
             * @memberof faultline.v1.PaymentRejected
             * @instance
             */
            PaymentRejected.prototype.reason = "";

            /**
             * PaymentRejected detail.
             * @member {string} detail
             * @memberof faultline.v1.PaymentRejected
             * @instance
             */
            PaymentRejected.prototype.detail = "";

            /**
             * Creates a new PaymentRejected instance using the specified properties.
             * @function create
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {faultline.v1.PaymentRejected.$Properties=} [properties] Properties to set
             * @returns {faultline.v1.PaymentRejected} PaymentRejected instance
             * @type {{
             *   (properties: faultline.v1.PaymentRejected.$Shape): faultline.v1.PaymentRejected & faultline.v1.PaymentRejected.$Shape;
             *   (properties?: faultline.v1.PaymentRejected.$Properties): faultline.v1.PaymentRejected;
             * }}
             */
            PaymentRejected.create = function(properties) {
                return new PaymentRejected(properties);
            };

            /**
             * Encodes the specified PaymentRejected message. Does not implicitly {@link faultline.v1.PaymentRejected.verify|verify} messages.
             * @function encode
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {faultline.v1.PaymentRejected.$Properties} message PaymentRejected message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PaymentRejected.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId") && message.paymentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.paymentId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.detail);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PaymentRejected message, length delimited. Does not implicitly {@link faultline.v1.PaymentRejected.verify|verify} messages.
             * @function encodeDelimited
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {faultline.v1.PaymentRejected.$Properties} message PaymentRejected message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PaymentRejected.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PaymentRejected message from the specified reader or buffer.
             * @function decode
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {faultline.v1.PaymentRejected & faultline.v1.PaymentRejected.$Shape} PaymentRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PaymentRejected.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.faultline.v1.PaymentRejected();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.paymentId = value;
                            else
                                delete message.paymentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PaymentRejected message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {faultline.v1.PaymentRejected & faultline.v1.PaymentRejected.$Shape} PaymentRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PaymentRejected.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Creates a PaymentRejected message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {faultline.v1.PaymentRejected} PaymentRejected
             */
            PaymentRejected.fromObject = function (object, _depth) {
                if (object instanceof $root.faultline.v1.PaymentRejected)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".faultline.v1.PaymentRejected: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.faultline.v1.PaymentRejected();
                if (object.paymentId != null)
                    if (typeof object.paymentId !== "string" || object.paymentId.length)
                        message.paymentId = $String(object.paymentId);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.detail != null)
                    if (typeof object.detail !== "string" || object.detail.length)
                        message.detail = $String(object.detail);
                return message;
            };

            /**
             * Creates a plain object from a PaymentRejected message. Also converts values to other types if specified.
             * @function toObject
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {faultline.v1.PaymentRejected} message PaymentRejected
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PaymentRejected.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.paymentId = "";
                    object.reason = "";
                    object.detail = "";
                }
                if (message.paymentId != null && $Object.hasOwnProperty.call(message, "paymentId"))
                    object.paymentId = message.paymentId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    object.detail = message.detail;
                return object;
            };

            /**
             * Converts this PaymentRejected to JSON.
             * @function toJSON
             * @memberof faultline.v1.PaymentRejected
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PaymentRejected.prototype.toJSON = function() {
                return PaymentRejected.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PaymentRejected
             * @function getTypeUrl
             * @memberof faultline.v1.PaymentRejected
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PaymentRejected.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/faultline.v1.PaymentRejected";
            };

            return PaymentRejected;
        })();

        return v1;
    })();

    return faultline;
})();

export {
  $root as default
};
