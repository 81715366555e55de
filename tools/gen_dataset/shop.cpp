#include "shop.h"

#include "gen_util.h"

#include <cinttypes>
#include <cstdio>
#include <vector>

namespace ferry::gen {

namespace {

constexpr int kCustomers = 500;
constexpr int kProducts = 100;
constexpr int kOrders = 2000;
// Only the last customers carry this field: a sampler that reads just the first N
// documents misses it, which is what the demo is meant to show the wizard does not do.
constexpr int kLateFieldFrom = kCustomers - 25;
constexpr std::int64_t kStartMs = 1546300800000;     // 2019-01-01T00:00:00Z
constexpr std::int64_t kSignupEndMs = 1703980800000; // 2023-12-31T00:00:00Z
constexpr std::int64_t kEndMs = 1719705600000;       // 2024-06-30T00:00:00Z
constexpr std::int64_t kDayMs = 86400000;

const char *const kFirst[] = {"Ada",  "Bruno", "Chiara", "Dmitri", "Elena", "Farid",  "Greta",
                              "Hugo", "Ines",  "Jonas",  "Keiko",  "Liam",  "Maja",   "Nils",
                              "Olga", "Pablo", "Quinn",  "Rosa",   "Sami",  "Tomasz", "Uma",
                              "Vera", "Wim",   "Xenia",  "Yusuf",  "Zoe"};
const char *const kLast[] = {"Andersen", "Brandt",  "Costa",   "Dubois", "Eriksen",  "Fischer",
                             "Garcia",   "Horvath", "Ivanova", "Jensen", "Kowalski", "Larsen",
                             "Moreau",   "Novak",   "Okafor",  "Petrov", "Rossi",    "Schmidt",
                             "Tanaka",   "Varga",   "Weber",   "Yilmaz"};
struct City {
    const char *name;
    const char *country;
};
const City kCities[] = {{"Lisbon", "PT"}, {"Porto", "PT"},  {"Lyon", "FR"},   {"Paris", "FR"},
                        {"Berlin", "DE"}, {"Munich", "DE"}, {"Krakow", "PL"}, {"Oslo", "NO"},
                        {"Vienna", "AT"}, {"Turin", "IT"},  {"Ghent", "BE"},  {"Tartu", "EE"}};
const char *const kStreets[] = {"Harbour Road",   "Linden Allee", "Rua Augusta", "Mill Lane",
                                "Station Street", "Kings Way",    "Parkstraat",  "Via Roma"};
const char *const kTags[] = {"newsletter", "vip", "wholesale",    "returning",
                             "gift-buyer", "eco", "early-adopter"};
const char *const kDomains[] = {"example.com", "example.org", "example.net"};
const char *const kAdjectives[] = {"Sturdy",  "Compact", "Classic", "Bright", "Quiet",
                                   "Folding", "Woollen", "Ceramic", "Bamboo", "Steel"};
const char *const kNouns[] = {"Kettle",  "Lamp",     "Backpack",     "Mug",    "Chair",
                              "Blanket", "Notebook", "Bicycle Bell", "Teapot", "Desk Organizer"};
const char *const kCategories[] = {"kitchen", "home", "outdoor", "office", "textiles"};
const char *const kStatuses[] = {"pending",   "paid",      "shipped",   "shipped",
                                 "delivered", "delivered", "delivered", "cancelled"};
const char *const kShipping[] = {"standard", "standard", "express", "pickup"};

struct Customer {
    bson_oid_t id;
    char hex[25];
    std::int64_t createdMs;
};
struct Product {
    std::string sku;
    std::int64_t priceCents;
};

void appendStr(bson_t *doc, const char *key, const std::string &value)
{
    bson_append_utf8(doc, key, -1, value.c_str(), static_cast<int>(value.size()));
}

void appendDecimal(bson_t *doc, const char *key, std::int64_t cents)
{
    const bson_decimal128_t dec = decimalFromCents(cents);
    bson_append_decimal128(doc, key, -1, &dec);
}

// `count` distinct indexes below `size` (steps of 1..maxStep never wrap when
// count * maxStep < size).
std::vector<int> distinctIndexes(Rng &rng, int count, int size, int maxStep)
{
    std::vector<int> out;
    int at = static_cast<int>(rng.range(0, size - 1));
    for (int i = 0; i < count; ++i) {
        at = (at + static_cast<int>(rng.range(1, maxStep))) % size;
        out.push_back(at);
    }
    return out;
}

bool writeMetadata(const std::string &dir, const char *name, Rng &rng, const char *extraIndex)
{
    char uuid[33];
    const std::uint64_t a = rng.next(), b = rng.next();
    std::snprintf(uuid, sizeof uuid, "%016" PRIx64 "%016" PRIx64, a, b);
    const std::string path = dir + "/" + name + ".metadata.json";
    std::FILE *f = std::fopen(path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return false;
    }
    std::fprintf(f,
                 "{\"options\":{},\"indexes\":[{\"v\":2,\"key\":{\"_id\":1},\"name\":\"_id_\"}%s],"
                 "\"uuid\":\"%s\",\"collectionName\":\"%s\",\"type\":\"collection\"}",
                 extraIndex, uuid, name);
    return std::fclose(f) == 0;
}

std::vector<Customer> writeCustomers(BsonFile &out, Rng &rng)
{
    std::vector<Customer> customers;
    for (int i = 0; i < kCustomers; ++i) {
        Customer c;
        c.createdMs = rng.range(kStartMs, kSignupEndMs);
        c.id = makeOid(c.createdMs, rng, static_cast<std::uint32_t>(i));
        bson_oid_to_string(&c.id, c.hex);
        const char *first = rng.pick(kFirst);
        const char *last = rng.pick(kLast);
        const City &city = kCities[rng.range(0, std::size(kCities) - 1)];

        bson_t doc, address, tags;
        bson_init(&doc);
        bson_append_oid(&doc, "_id", -1, &c.id);
        appendStr(&doc, "name", std::string(first) + " " + last);
        char email[96];
        std::snprintf(email, sizeof email, "%s.%s%d@%s", first, last, i, rng.pick(kDomains));
        for (char *p = email; *p; ++p)
            *p = static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        appendStr(&doc, "email", email);
        bson_append_date_time(&doc, "created", -1, c.createdMs);

        bson_append_document_begin(&doc, "address", -1, &address);
        appendStr(&address, "street", std::to_string(rng.range(1, 240)) + " " + rng.pick(kStreets));
        appendStr(&address, "city", city.name);
        appendStr(&address, "zip", std::to_string(rng.range(10000, 99999)));
        appendStr(&address, "country", city.country);
        bson_append_document_end(&doc, &address);

        bson_append_array_begin(&doc, "tags", -1, &tags);
        const int tagCount = static_cast<int>(rng.range(0, 3));
        const std::vector<int> picked = distinctIndexes(rng, tagCount, std::size(kTags), 2);
        for (int t = 0; t < tagCount; ++t) {
            const char *key;
            char keyBuf[16];
            bson_uint32_to_string(t, &key, keyBuf, sizeof keyBuf);
            bson_append_utf8(&tags, key, -1, kTags[picked[t]], -1);
        }
        bson_append_array_end(&doc, &tags);

        if (rng.chance(60)) {
            char phone[32];
            std::snprintf(phone, sizeof phone, "+%d %03d %04d", static_cast<int>(rng.range(30, 49)),
                          static_cast<int>(rng.range(100, 999)),
                          static_cast<int>(rng.range(0, 9999)));
            appendStr(&doc, "phone", phone);
        }
        // A few balances exceed int32, as happens when points are migrated from an older
        // system: the column must become bigint, not overflow.
        if (i % 50 == 49)
            bson_append_int64(&doc, "loyalty_points", -1, 3000000000LL + rng.range(0, 999999));
        else
            bson_append_int32(&doc, "loyalty_points", -1, static_cast<int>(rng.range(0, 5000)));
        if (i >= kLateFieldFrom)
            bson_append_bool(&doc, "marketing_opt_in", -1, rng.chance(50));

        out.write(&doc);
        bson_destroy(&doc);
        customers.push_back(c);
    }
    return customers;
}

std::vector<Product> writeProducts(BsonFile &out, Rng &rng, const std::vector<Customer> &customers)
{
    std::vector<Product> products;
    for (int i = 0; i < kProducts; ++i) {
        char sku[16];
        std::snprintf(sku, sizeof sku, "SKU-%05d", 1001 + i * 7);
        const Product p{sku, rng.range(199, 19999)};

        bson_t doc, ratings, rating;
        bson_init(&doc);
        appendStr(&doc, "_id", p.sku);
        appendStr(&doc, "title", std::string(rng.pick(kAdjectives)) + " " + rng.pick(kNouns));
        appendStr(&doc, "category", rng.pick(kCategories));
        appendDecimal(&doc, "price", p.priceCents);
        bson_append_int32(&doc, "stock", -1, static_cast<int>(rng.range(0, 500)));
        // Keyed by customer id: an object used as a map, which the wizard should offer
        // as a child table rather than 500 sparse columns.
        bson_append_document_begin(&doc, "ratings", -1, &ratings);
        const int count = static_cast<int>(rng.range(0, 8));
        for (int who : distinctIndexes(rng, count, kCustomers, 60)) {
            const Customer &c = customers[who];
            bson_append_document_begin(&ratings, c.hex, -1, &rating);
            bson_append_int32(&rating, "score", -1, static_cast<int>(rng.range(1, 5)));
            bson_append_date_time(&rating, "at", -1, rng.range(c.createdMs, kEndMs));
            bson_append_document_end(&ratings, &rating);
        }
        bson_append_document_end(&doc, &ratings);

        out.write(&doc);
        bson_destroy(&doc);
        products.push_back(p);
    }
    return products;
}

void writeOrders(BsonFile &out, Rng &rng, const std::vector<Customer> &customers,
                 const std::vector<Product> &products)
{
    for (int i = 0; i < kOrders; ++i) {
        const Customer &c = customers[rng.range(0, kCustomers - 1)];
        const std::int64_t placed = rng.range(c.createdMs + kDayMs, kEndMs);
        const bson_oid_t id = makeOid(placed, rng, static_cast<std::uint32_t>(i));
        const char *status = rng.pick(kStatuses);
        const char *method = rng.pick(kShipping);

        bson_t doc, items, item, shipping;
        bson_init(&doc);
        bson_append_oid(&doc, "_id", -1, &id);
        bson_append_oid(&doc, "customer_id", -1, &c.id);
        bson_append_date_time(&doc, "placed", -1, placed);
        appendStr(&doc, "status", status);

        std::int64_t totalCents = 0;
        bson_append_array_begin(&doc, "items", -1, &items);
        const int itemCount = static_cast<int>(rng.range(1, 4));
        const std::vector<int> picked = distinctIndexes(rng, itemCount, kProducts, 20);
        for (int n = 0; n < itemCount; ++n) {
            const Product &p = products[picked[n]];
            const int qty = static_cast<int>(rng.range(1, 3));
            const char *key;
            char keyBuf[16];
            bson_uint32_to_string(n, &key, keyBuf, sizeof keyBuf);
            bson_append_document_begin(&items, key, -1, &item);
            appendStr(&item, "sku", p.sku);
            bson_append_int32(&item, "qty", -1, qty);
            appendDecimal(&item, "price", p.priceCents);
            bson_append_document_end(&items, &item);
            totalCents += qty * p.priceCents;
        }
        bson_append_array_end(&doc, &items);

        const std::int64_t shippingCents = method[0] == 'p' ? 0 : (method[0] == 'e' ? 1490 : 490);
        bson_append_document_begin(&doc, "shipping", -1, &shipping);
        appendStr(&shipping, "method", method);
        appendDecimal(&shipping, "cost", shippingCents);
        if (status[0] == 's' || status[0] == 'd') {
            char tracking[24];
            std::snprintf(tracking, sizeof tracking, "TRK%012" PRIX64,
                          static_cast<std::uint64_t>(rng.next() & 0xFFFFFFFFFFFFU));
            appendStr(&shipping, "tracking", tracking);
        }
        bson_append_document_end(&doc, &shipping);
        appendDecimal(&doc, "total", totalCents + shippingCents);
        // Rare everywhere, not just late: sampling must still find it.
        if (rng.chance(2))
            appendStr(&doc, "gift_note", "Happy birthday!");

        out.write(&doc);
        bson_destroy(&doc);
    }
}

} // namespace

bool writeShopDump(const std::string &dir)
{
    Rng rng(20240601);
    BsonFile customersFile(dir + "/customers.bson");
    BsonFile productsFile(dir + "/products.bson");
    BsonFile ordersFile(dir + "/orders.bson");
    if (!customersFile.isOpen() || !productsFile.isOpen() || !ordersFile.isOpen())
        return false;
    const std::vector<Customer> customers = writeCustomers(customersFile, rng);
    const std::vector<Product> products = writeProducts(productsFile, rng, customers);
    writeOrders(ordersFile, rng, customers, products);
    const char *byCustomer = ",{\"v\":2,\"key\":{\"customer_id\":1},\"name\":\"customer_id_1\"}";
    bool ok = customersFile.close();
    ok = productsFile.close() && ok;
    ok = ordersFile.close() && ok;
    ok = writeMetadata(dir, "customers", rng, "") && ok;
    ok = writeMetadata(dir, "products", rng, "") && ok;
    ok = writeMetadata(dir, "orders", rng, byCustomer) && ok;
    return ok;
}

} // namespace ferry::gen
