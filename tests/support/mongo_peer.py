#!/usr/bin/python3
"""A MongoDB wire-protocol peer for Ferry's tests.

No MongoDB server can be installed here, so the live Mongo path (libmongoc) is tested
against this: python3-mockupdb speaks the protocol, python3-mongomock stores and queries.
It answers the commands libmongoc 1.23 sends for what Ferry does (list, count, find with
getMore paging, sampling, writes, indexes, drops). Anything else gets {ok: 0, code: 59}
so a test fails loudly instead of receiving a made-up answer.

A test can make reads of one collection fail, as a real server does when it drops an idle
cursor or goes away, or change the collection under a read (see `set_fault`):
{ferryPeerFault: COLLECTION, after: N, times: K, action: "killCursor" | "hangUp" |
"endCursor" | "addDocuments", documents: [...]}; the fault is per collection, so tests
sharing the peer do not disturb each other.

Limits, on purpose: no authentication (saslStart/SCRAM is out of scope: connect without
credentials), no sessions or transactions, no compression, no TLS. mongomock keeps documents
in a dict by _id, so decimal and code _ids cannot be stored, and true/false collide with 1/0
(a server keeps them apart). It is slow (tens of thousands of documents a second):
functional tests only, never benchmarks.

Run with /usr/bin/python3 (Debian's interpreter, which has the two packages):
    /usr/bin/python3 mongo_peer.py --port 0 --port-file DIR/mongo.port
"""

import argparse
import datetime
import decimal
import itertools
import math
import operator
import os
import re
import signal
import sys
import traceback
from collections import OrderedDict

import bson
import mockupdb
import mongomock
from mongomock import filtering
import bson.binary
import bson.code
import bson.decimal128
import bson.max_key
import bson.min_key
import bson.regex
import bson.timestamp
from bson.binary import UuidRepresentation
from bson.codec_options import CodecOptions
from bson.int64 import Int64
from bson.raw_bson import RawBSONDocument

# mockupdb decodes requests with pymongo's legacy UUID handling, which turns binary
# subtype 4 into uuid.UUID and re-encodes it as subtype 3. UNSPECIFIED keeps every
# binary value as bson.Binary with its subtype, so UUIDs survive the round trip.
mockupdb.CODEC_OPTIONS = CodecOptions(document_class=OrderedDict,
                                      uuid_representation=UuidRepresentation.UNSPECIFIED)

# mongomock's $type knows one alias at a time and leaves null, timestamp, minKey, maxKey …
# unimplemented; the server takes a list and every alias. Ferry resumes a read after an _id
# with {$type: [every later type bracket]}, so the peer answers that as the server does.
_TYPES = dict(filtering.TYPE_MAP)
_TYPES.update({
    'null': lambda v: v is None,
    'minKey': lambda v: isinstance(v, bson.min_key.MinKey),
    'maxKey': lambda v: isinstance(v, bson.max_key.MaxKey),
    'timestamp': lambda v: isinstance(v, bson.timestamp.Timestamp),
    'regex': lambda v: isinstance(v, (bson.regex.Regex, re.Pattern)),
    'javascript': lambda v: isinstance(v, bson.code.Code) and v.scope is None,
    'javascriptWithScope': lambda v: isinstance(v, bson.code.Code) and v.scope is not None,
    'undefined': lambda v: False,  # pymongo decodes undefined as None
    'symbol': lambda v: False,     # and symbols as str
    'dbPointer': lambda v: False,
})


def _type_op(doc_val, search_val, in_array=False):
    if isinstance(search_val, (list, tuple)):
        return any(_type_op(doc_val, one, in_array) for one in search_val)
    test = _TYPES.get(search_val)
    if test is None:
        raise mongomock.OperationFailure('%r is not a valid $type' % (search_val,))
    if test(doc_val):
        return True
    if isinstance(doc_val, (list, tuple)) and not in_array:
        return any(_type_op(v, search_val, True) for v in doc_val)
    return False


filtering._filterer_inst._operator_map['$type'] = _type_op

# Code is a str to pymongo, but a bracket of its own to the server.
_TYPES['string'] = lambda v: isinstance(v, str) and not isinstance(v, bson.code.Code)


# Ferry reads a collection in slices of _id ranges and resumes after an _id, both relying on
# the server's order of BSON values, which mongomock only partly knows (it cannot sort
# minKey, maxKey, timestamps, code or decimals, ranks code as a string, and lets Python
# compare NaN). What the server does, and the peer now does too:
# - sort {_id: 1} and skip walk the _id index, in the comparison order of BSON types
#   (minKey, undefined, null, numbers, strings/symbols, objects, arrays, binData, objectId,
#   bool, date, timestamp, regex, dbPointer, code, code with scope, maxKey);
# - numbers of every kind are compared by value (int 2 < double 2.5 < decimal 3), NaN sorts
#   before every other number;
# - $lt/$lte/$gt/$gte match only values of the operand's own bracket, and NaN only through
#   equality (and $lte/$gte NaN, which equal it);
# - binData compares by length, then subtype, then bytes.
_mongomock_compare_type = filtering._get_compare_type
_mongomock_bson_compare = filtering.bson_compare
NUMBERS = 10


def _compare_type(val):
    if isinstance(val, bson.min_key.MinKey):
        return -1
    if isinstance(val, bson.max_key.MaxKey):
        return 127
    if isinstance(val, bson.code.Code):
        return 60 if val.scope is None else 65
    if isinstance(val, bson.timestamp.Timestamp):
        return 47
    if isinstance(val, bson.decimal128.Decimal128):
        return NUMBERS
    if isinstance(val, bson.regex.Regex):
        return 50
    return _mongomock_compare_type(val)


def _number(val):
    """(0,) for NaN, else (1, exact value): the server's order of numbers."""
    if isinstance(val, bson.decimal128.Decimal128):
        val = val.to_decimal()
        return (0,) if val.is_nan() else (1, val)
    if isinstance(val, float) and math.isnan(val):
        return (0,)
    return (1, decimal.Decimal(val))


def _is_nan(val):
    return _compare_type(val) == NUMBERS and not isinstance(val, bool) and _number(val) == (0,)


def _bson_compare(op, a, b, can_compare_types=True):
    if isinstance(a, bool) or isinstance(b, bool) or \
            _compare_type(a) != NUMBERS or _compare_type(b) != NUMBERS:
        if isinstance(a, bson.binary.Binary) and isinstance(b, bson.binary.Binary):
            return op((len(a), a.subtype, bytes(a)), (len(b), b.subtype, bytes(b)))
        return _mongomock_bson_compare(op, a, b, can_compare_types)
    x, y = _number(a), _number(b)
    if not can_compare_types and (x == (0,) or y == (0,)):  # a query operator
        return x == y and op in (operator.le, operator.ge)
    return op(x, y)


def _eq(doc_val, search_val):
    if _is_nan(doc_val) and _is_nan(search_val):
        return True
    return filtering.operator_eq(doc_val, search_val)


filtering._get_compare_type = _compare_type
filtering.bson_compare = _bson_compare
filtering._filterer_inst._operator_map['$eq'] = filtering._list_expand(_eq)

MAX_BSON = 16 * 1024 * 1024
# A reply batch stops growing past this many bytes (a real server caps at 16 MB).
BATCH_BYTES = 8 * 1024 * 1024
DEFAULT_FIRST_BATCH = 101
MORE_TO_COME = mockupdb.OP_MSG_FLAGS['moreToCome']


class CommandError(Exception):
    def __init__(self, code, errmsg):
        super().__init__(errmsg)
        self.code = code
        self.errmsg = errmsg


class Results:
    """An iterator over query results that can tell whether any are left."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._pending = []

    def __iter__(self):
        return self

    def __next__(self):
        return self._pending.pop() if self._pending else next(self._it)

    def at_end(self):
        if not self._pending:
            nxt = next(self._it, None)
            if nxt is None:
                return True
            self._pending.append(nxt)
        return False


class Peer:
    def __init__(self):
        self.client = mongomock.MongoClient()
        self.cursors = {}  # id -> (namespace, iterator); kept here so getMore can page
        self.next_cursor_id = itertools.count(1000)
        # (db, name) -> listCollections entry of what mongomock cannot hold itself: views,
        # time-series collections with their buckets, system.* collections (mongomock hides
        # those from its own listing).
        self.catalog = OrderedDict()
        self.faults = {}  # namespace -> {'after', 'times', 'action', 'reads'}
        self.commands = {
            'hello': self.hello, 'ismaster': self.hello, 'ping': self.ok,
            'buildinfo': self.build_info, 'listdatabases': self.list_databases,
            'listcollections': self.list_collections, 'count': self.count,
            'distinct': self.distinct, 'find': self.find, 'getmore': self.get_more,
            'aggregate': self.aggregate, 'insert': self.insert, 'update': self.update,
            'delete': self.delete, 'createindexes': self.create_indexes, 'drop': self.drop,
            'listindexes': self.list_indexes, 'create': self.create,
            'dropdatabase': self.drop_database, 'endsessions': self.ok,
            'killcursors': self.kill_cursors, 'ferrypeerfault': self.set_fault,
        }

    # Entry point for every request mockupdb receives (its server loop serialises
    # requests, so mongomock is never used from two threads at once).
    def handle(self, request):
        name = request.command_name if request.is_command else None
        no_reply = isinstance(request, mockupdb.OpMsg) and (request.flags or 0) & MORE_TO_COME
        try:
            if name is None:
                raise CommandError(59, 'legacy opcodes are not supported: %r' % (request,))
            handler = self.commands.get(name.lower())
            if handler is None:
                raise CommandError(59, 'no such command: %s' % name)
            if self.injected_fault(request, name.lower()):
                return True
            reply = handler(request.namespace, request.doc[name], request.doc)
        except CommandError as e:
            reply = {'ok': 0, 'errmsg': e.errmsg, 'code': e.code}
        except mongomock.OperationFailure as e:
            reply = {'ok': 0, 'errmsg': str(e), 'code': e.code or 2}
        except Exception as e:  # keep serving; the test sees the error text
            traceback.print_exc(file=sys.stderr)
            reply = {'ok': 0, 'errmsg': '%s: %s' % (type(e).__name__, e), 'code': 1}
        if not no_reply:
            request.replies(reply)
        return True

    # --- faults a test asks for -------------------------------------------------------

    def set_fault(self, db, arg, cmd):
        """After `after` reads (find and getMore) of collection `arg`, the next `times`
        ones (-1: all) fail: "killCursor" answers a getMore with CursorNotFound and forgets
        the cursor (a server dropping an idle cursor); "hangUp" forgets the cursor and closes
        the connection without an answer (a server going away); "endCursor" answers a getMore
        with an empty last batch (a cursor that ends early: documents silently not read);
        "addDocuments" inserts `documents` and then answers as usual (another writer).
        times 0 clears the fault."""
        ns = '%s.%s' % (db, arg)
        action = cmd.get('action', 'killCursor')
        if action not in ('killCursor', 'hangUp', 'endCursor', 'addDocuments'):
            raise CommandError(2, 'unknown fault action %r' % (action,))
        times = int(cmd.get('times', 1))
        if times == 0:
            self.faults.pop(ns, None)
        else:
            self.faults[ns] = {'after': int(cmd.get('after', 0)), 'times': times,
                               'action': action, 'reads': 0, 'fired': 0,
                               'documents': list(cmd.get('documents') or [])}
        return {'ok': 1}

    def injected_fault(self, request, name):
        """True when the request was answered (or hung up on) by a fault."""
        if name == 'find':
            ns = '%s.%s' % (request.namespace, request.doc[request.command_name])
        elif name == 'getmore':
            entry = self.cursors.get(int(request.doc[request.command_name]))
            ns = entry[0] if entry else None
        else:
            return False
        fault = self.faults.get(ns)
        if fault is None:
            return False
        fault['reads'] += 1
        if fault['reads'] <= fault['after']:
            return False
        if fault['action'] in ('killCursor', 'endCursor') and name != 'getmore':
            return False
        if fault['times'] > 0 and fault['fired'] >= fault['times']:
            return False
        fault['fired'] += 1
        if fault['action'] == 'addDocuments':
            db, coll = ns.split('.', 1)
            self.client[db][coll].insert_many([dict(d) for d in fault['documents']])
            return False
        if name == 'getmore':
            self.cursors.pop(int(request.doc[request.command_name]), None)
        if fault['action'] == 'hangUp':
            request.hangup()
        elif fault['action'] == 'endCursor':
            request.replies({'cursor': {'id': Int64(0), 'ns': ns, 'nextBatch': []}, 'ok': 1})
        else:
            cursor_id = request.doc[request.command_name]
            request.replies({'ok': 0, 'code': 43, 'codeName': 'CursorNotFound',
                             'errmsg': 'cursor id %s not found' % cursor_id})
        return True

    # --- server and database level -------------------------------------------------

    def ok(self, db, arg, cmd):
        return {'ok': 1}

    def hello(self, db, arg, cmd):
        # maxWireVersion 13 (MongoDB 5.0) keeps libmongoc on OP_MSG; no
        # logicalSessionTimeoutMinutes so it never sends lsid, no compression field.
        return OrderedDict([
            ('ismaster', True), ('isWritablePrimary', True), ('helloOk', True),
            ('maxBsonObjectSize', MAX_BSON), ('maxMessageSizeBytes', 48000000),
            ('maxWriteBatchSize', 100000),
            ('localTime', datetime.datetime.now(datetime.timezone.utc)),
            ('connectionId', 1), ('minWireVersion', 0), ('maxWireVersion', 13),
            ('readOnly', False), ('ok', 1)])

    def build_info(self, db, arg, cmd):
        return {'version': '5.0.0', 'versionArray': [5, 0, 0, 0], 'gitVersion': 'mongo_peer',
                'bits': 64, 'maxBsonObjectSize': MAX_BSON, 'ok': 1}

    def list_databases(self, db, arg, cmd):
        names = self.client.list_database_names()
        if cmd.get('nameOnly'):
            return {'databases': [{'name': n} for n in names], 'ok': 1}
        dbs = [{'name': n, 'sizeOnDisk': 0, 'empty': False} for n in names]
        return {'databases': dbs, 'totalSize': 0, 'ok': 1}

    @staticmethod
    def collection_entry(name, kind='collection', options=None):
        entry = OrderedDict([('name', name), ('type', kind), ('options', options or {}),
                             ('info', {'readOnly': kind == 'view'})])
        if kind == 'collection':
            entry['idIndex'] = {'v': 2, 'key': {'_id': 1}, 'name': '_id_'}
        return entry

    def list_collections(self, db, arg, cmd):
        wanted = (cmd.get('filter') or {}).get('name')
        entries = {name: self.collection_entry(name)
                   for name in self.client[db].list_collection_names()}
        entries.update({name: entry for (d, name), entry in self.catalog.items() if d == db})
        infos = [entries[name] for name in sorted(entries)
                 if wanted is None or name == wanted]
        return self.open_cursor(db + '.$cmd.listCollections', Results(infos),
                                (cmd.get('cursor') or {}).get('batchSize'))

    def create(self, db, arg, cmd):
        """Views, time-series and system collections as listCollections reports them.

        A time-series collection keeps its measurements in the mongomock collection of its
        own name, which is what a real server serves through that name; its buckets
        collection is only listed, as a real server lists it."""
        name = arg
        if (db, name) in self.catalog or name in self.client[db].list_collection_names():
            raise CommandError(48, 'Collection %s.%s already exists.' % (db, name))
        if cmd.get('viewOn'):
            options = OrderedDict([('viewOn', cmd['viewOn']),
                                   ('pipeline', list(cmd.get('pipeline') or []))])
            self.catalog[(db, name)] = self.collection_entry(name, 'view', options)
            self.catalog.setdefault((db, 'system.views'), self.collection_entry('system.views'))
        elif cmd.get('timeseries'):
            ts = OrderedDict(cmd['timeseries'])
            ts.setdefault('granularity', 'seconds')
            self.catalog[(db, name)] = self.collection_entry(
                name, 'timeseries', {'timeseries': ts})
            self.catalog[(db, 'system.buckets.' + name)] = self.collection_entry(
                'system.buckets.' + name, 'collection', {'validator': {}, 'clusteredIndex': True})
            self.client[db].create_collection(name)
        elif name.startswith('system.'):
            self.catalog[(db, name)] = self.collection_entry(name)
        else:
            self.client[db].create_collection(name)
        return {'ok': 1}

    def drop_database(self, db, arg, cmd):
        for key in [k for k in self.catalog if k[0] == db]:
            del self.catalog[key]
        self.client.drop_database(db)
        return {'dropped': db, 'ok': 1}

    # --- reads ---------------------------------------------------------------------

    def collection(self, db, name):
        if not isinstance(name, str):
            raise CommandError(73, 'collection name must be a string, got %r' % (name,))
        return self.client[db][name]

    def count(self, db, arg, cmd):
        opts = {k: int(cmd[k]) for k in ('skip', 'limit') if cmd.get(k)}
        if 'limit' in opts:
            opts['limit'] = abs(opts['limit'])
        n = self.collection(db, arg).count_documents(cmd.get('query') or {}, **opts)
        return {'n': n, 'ok': 1}

    def distinct(self, db, arg, cmd):
        values = self.collection(db, arg).distinct(cmd['key'], cmd.get('query') or None)
        return {'values': values, 'ok': 1}

    def find(self, db, arg, cmd):
        coll = self.collection(db, arg)
        # An empty projection means "all fields" on a real server; mongomock reads {} as
        # "only _id", hence `or None`.
        cur = coll.find(cmd.get('filter') or {}, cmd.get('projection') or None)
        if cmd.get('sort'):
            cur = cur.sort(list(cmd['sort'].items()))
        if cmd.get('skip'):
            cur = cur.skip(int(cmd['skip']))
        limit = int(cmd.get('limit') or 0)
        if limit:
            cur = cur.limit(abs(limit))
        single = bool(cmd.get('singleBatch')) or limit < 0
        return self.open_cursor('%s.%s' % (db, arg), Results(cur), cmd.get('batchSize'),
                                single_batch=single)

    def aggregate(self, db, arg, cmd):
        pipeline = list(cmd.get('pipeline') or [])
        batch = (cmd.get('cursor') or {}).get('batchSize')
        if arg == 1:
            raise CommandError(59, 'database-level aggregate is not supported')
        coll = self.collection(db, arg)
        if pipeline and '$collStats' in pipeline[0]:
            # estimatedDocumentCount may arrive as $collStats + $group; answer its shape.
            docs = [{'_id': 1, 'n': coll.count_documents({})}]
        else:
            docs = coll.aggregate(pipeline)
        return self.open_cursor('%s.%s' % (db, arg), Results(docs), batch)

    def get_more(self, db, arg, cmd):
        cursor_id = int(arg)
        entry = self.cursors.get(cursor_id)
        if entry is None:
            raise CommandError(43, 'cursor id %d not found' % cursor_id)
        ns, it = entry
        docs, rest = self.take(it, cmd.get('batchSize'))
        if rest is None:
            del self.cursors[cursor_id]
            cursor_id = 0
        else:
            self.cursors[cursor_id] = (ns, rest)
        return {'cursor': {'id': Int64(cursor_id), 'ns': ns, 'nextBatch': docs}, 'ok': 1}

    def kill_cursors(self, db, arg, cmd):
        killed, missing = [], []
        for cid in cmd.get('cursors') or []:
            (killed if self.cursors.pop(int(cid), None) else missing).append(Int64(cid))
        return {'cursorsKilled': killed, 'cursorsNotFound': missing, 'cursorsAlive': [],
                'cursorsUnknown': [], 'ok': 1}

    def open_cursor(self, ns, it, batch_size, single_batch=False):
        size = DEFAULT_FIRST_BATCH if batch_size is None else batch_size
        docs, rest = self.take(it, size)
        cursor_id = 0
        if rest is not None and not single_batch:
            cursor_id = next(self.next_cursor_id)
            self.cursors[cursor_id] = (ns, rest)
        return {'cursor': {'id': Int64(cursor_id), 'ns': ns, 'firstBatch': docs}, 'ok': 1}

    @staticmethod
    def take(it, batch_size):
        """Up to batch_size documents (0/None: no count limit), capped by bytes.

        Documents are encoded once here and embedded raw in the reply, which also tells
        the batch size in bytes without encoding twice. Returns (docs, rest): rest is None
        when the results are exhausted, else the iterator to continue from."""
        docs, total = [], 0
        limit = int(batch_size or 0)
        while (not limit or len(docs) < limit) and not (docs and total >= BATCH_BYTES):
            doc = next(it, None)
            if doc is None:
                return docs, None
            raw = RawBSONDocument(bson.encode(doc))
            total += len(raw.raw)
            docs.append(raw)
        # Peek, so a batch that ends the results also closes the cursor (a real server
        # does the same and libmongoc then sends no getMore), and put the peeked one back.
        return docs, (None if it.at_end() else it)

    # --- writes --------------------------------------------------------------------

    def insert(self, db, arg, cmd):
        docs = list(cmd.get('documents') or [])
        if not docs:
            return {'n': 0, 'ok': 1}
        try:
            self.collection(db, arg).insert_many(docs, ordered=cmd.get('ordered', True))
        except mongomock.BulkWriteError as e:
            errs = [{'index': w['index'], 'code': w['code'], 'errmsg': w['errmsg']}
                    for w in e.details.get('writeErrors', [])]
            return {'n': e.details.get('nInserted', 0), 'writeErrors': errs, 'ok': 1}
        return {'n': len(docs), 'ok': 1}

    def update(self, db, arg, cmd):
        coll = self.collection(db, arg)
        n = modified = 0
        upserted = []
        for index, spec in enumerate(cmd.get('updates') or []):
            q, u, upsert = spec.get('q') or {}, spec.get('u'), bool(spec.get('upsert'))
            if isinstance(u, list):
                raise CommandError(59, 'pipeline updates are not supported')
            extra = {'array_filters': spec['arrayFilters']} if spec.get('arrayFilters') else {}
            if any(k.startswith('$') for k in u):
                op = coll.update_many if spec.get('multi') else coll.update_one
                res = op(q, u, upsert=upsert, **extra)
            else:
                res = coll.replace_one(q, u, upsert=upsert)
            n += res.matched_count
            modified += res.modified_count
            if res.upserted_id is not None:
                n += 1
                upserted.append({'index': index, '_id': res.upserted_id})
        reply = {'n': n, 'nModified': modified, 'ok': 1}
        if upserted:
            reply['upserted'] = upserted
        return reply

    def delete(self, db, arg, cmd):
        coll = self.collection(db, arg)
        n = 0
        for spec in cmd.get('deletes') or []:
            op = coll.delete_one if spec.get('limit') == 1 else coll.delete_many
            n += op(spec.get('q') or {}).deleted_count
        return {'n': n, 'ok': 1}

    def create_indexes(self, db, arg, cmd):
        coll = self.collection(db, arg)
        created = arg not in self.client[db].list_collection_names()
        before = len(coll.index_information()) if not created else 1
        for spec in cmd.get('indexes') or []:
            opts = {k: spec[k] for k in ('name', 'unique', 'sparse') if k in spec}
            coll.create_index(list(spec['key'].items()), **opts)
        return {'createdCollectionAutomatically': created, 'numIndexesBefore': before,
                'numIndexesAfter': len(coll.index_information()), 'ok': 1}

    def list_indexes(self, db, arg, cmd):
        # A real server answers NamespaceNotFound for a collection that does not exist.
        if arg not in self.client[db].list_collection_names():
            raise CommandError(26, 'ns does not exist: %s.%s' % (db, arg))
        specs = []
        for name, info in sorted(self.collection(db, arg).index_information().items()):
            spec = OrderedDict([('v', info.get('v', 2)), ('key', OrderedDict(info['key'])),
                                ('name', name)])
            for option in ('unique', 'sparse'):
                if info.get(option):
                    spec[option] = True
            specs.append(spec)
        return self.open_cursor('%s.%s' % (db, arg), Results(specs),
                                (cmd.get('cursor') or {}).get('batchSize'))

    def drop(self, db, arg, cmd):
        # MongoDB 5.0 (the version announced in hello) answers "ns not found" here.
        special = self.catalog.pop((db, arg), None)
        if special is None and arg not in self.client[db].list_collection_names():
            raise CommandError(26, 'ns not found')
        if special is not None and special['type'] == 'timeseries':
            self.catalog.pop((db, 'system.buckets.' + arg), None)
        if special is None or special['type'] == 'timeseries':
            self.client[db].drop_collection(arg)
        return {'ns': '%s.%s' % (db, arg), 'nIndexesWas': 1, 'ok': 1}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--port', type=int, default=0, help='0 picks a free port')
    parser.add_argument('--port-file', help='write the bound port here once listening')
    parser.add_argument('--verbose', action='store_true', help='log every request')
    args = parser.parse_args()

    peer = Peer()
    server = mockupdb.MockupDB(port=args.port, verbose=args.verbose)
    server.autoresponds(peer.handle)
    port = server.run()
    if args.port_file:
        # Written then renamed, so whoever polls for the file never reads half of it.
        tmp = args.port_file + '.tmp'
        with open(tmp, 'w') as f:
            f.write('%d\n' % port)
        os.replace(tmp, args.port_file)
    print('mongo_peer listening on 127.0.0.1:%d' % port, flush=True)

    # Everything lives in memory, so there is nothing to flush on a signal: exit at once.
    # (MockupDB.stop() would spend seconds joining its polling threads on every teardown.)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: os._exit(0))
    while True:
        signal.pause()


if __name__ == '__main__':
    main()
