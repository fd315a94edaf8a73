#include "crashworkload.h"

#include <core/catalog/catalog.h>
#include <core/ledger/ledger.h>
#include <core/store/store.h>

namespace Ledgerdesk::Testing {

using namespace Core;

namespace {

quint64 mix(quint64 x)
{
    // splitmix64: a well-spread, repeatable choice per posting number.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

QString sku(int i)
{
    return QStringLiteral("CRASH-%1").arg(i);
}

QString locationCode(int i)
{
    return QStringLiteral("CRASH-L%1").arg(i);
}

} // namespace

Result<CrashWorld> loadCrashWorld(Store &store)
{
    Catalog catalog(store);
    CrashWorld world;
    for (int i = 0; i < kCrashVariants; ++i) {
        const auto v = catalog.variantBySku(sku(i));
        if (!v || !v.value()) {
            return makeError(ErrorCode::NotFound, QStringLiteral("no variant ") + sku(i));
        }
        world.variants << v.value()->id;
    }
    for (int i = 0; i < kCrashLocations; ++i) {
        const auto l = catalog.locationByCodeOrName(locationCode(i));
        if (!l || !l.value()) {
            return makeError(ErrorCode::NotFound, QStringLiteral("no location ") + locationCode(i));
        }
        world.locations << l.value()->id;
    }
    return world;
}

Result<CrashWorld> seedCrashWorld(Store &store)
{
    Catalog catalog(store);
    const auto style = catalog.saveStyle({0,
                                          QStringLiteral("crash-tee"),
                                          QStringLiteral("Crash Tee"),
                                          QStringLiteral("Test"),
                                          QStringLiteral("Tops")});
    if (!style) {
        return style.error();
    }
    for (int i = 0; i < kCrashVariants; ++i) {
        Variant v;
        v.styleId = style.value();
        v.sku = sku(i);
        if (const auto saved = catalog.saveVariant(v); !saved) {
            return saved.error();
        }
    }
    for (int i = 0; i < kCrashLocations; ++i) {
        const auto saved = catalog.saveLocation(
            {0, locationCode(i), QStringLiteral("Crash %1").arg(i), LocationKind::Warehouse, true});
        if (!saved) {
            return saved.error();
        }
    }
    auto world = loadCrashWorld(store);
    if (!world) {
        return world;
    }
    PostingRequest opening;
    opening.source = QStringLiteral("crash-seed");
    opening.reference = QStringLiteral("opening");
    opening.reason = MovementReason::Count;
    opening.actor = QStringLiteral("crash-test");
    for (const VariantId v : world.value().variants) {
        for (const LocationId l : world.value().locations) {
            MovementLine line{v, l, {}};
            line.delta.set(QuantityName::Available, kCrashOpeningStock);
            opening.lines << line;
        }
    }
    if (const auto posted = Ledger(store).post(opening); !posted) {
        return posted.error();
    }
    return world;
}

QString crashReference(qint64 n)
{
    return QStringLiteral("R%1").arg(n);
}

PostingRequest crashRequest(const CrashWorld &world, qint64 n)
{
    const quint64 h = mix(static_cast<quint64>(n));
    const auto pick = [h](int shift, qsizetype count) {
        return static_cast<qsizetype>((h >> shift) % static_cast<quint64>(count));
    };
    const VariantId variant = world.variants[pick(8, world.variants.size())];
    const qsizetype from = pick(16, world.locations.size());
    PostingRequest request;
    request.source = QString::fromLatin1(kCrashSource);
    request.reference = crashReference(n);
    request.actor = QStringLiteral("crash-child");
    MovementLine line{variant, world.locations[from], {}};
    switch (h % 3) {
    case 0: { // a count correction, up or down
        const auto delta = static_cast<qint64>((h >> 24) % 11) - 5;
        request.reason = MovementReason::Adjustment;
        line.delta.set(QuantityName::Available, delta == 0 ? 6 : delta);
        request.lines = {line};
        break;
    }
    case 1: // a receipt that also books expected stock
        request.reason = MovementReason::Receipt;
        line.delta.set(QuantityName::Available, 1 + static_cast<qint64>((h >> 24) % 9));
        line.delta.set(QuantityName::Incoming, 1 + static_cast<qint64>((h >> 32) % 4));
        line.delta.set(QuantityName::Committed, static_cast<qint64>((h >> 40) % 3));
        request.lines = {line};
        break;
    default: { // a two-line transfer between locations
        const qsizetype to
            = (from + 1 + pick(24, world.locations.size() - 1)) % world.locations.size();
        const qint64 quantity = 1 + static_cast<qint64>((h >> 32) % 5);
        request.reason = MovementReason::Transfer;
        line.delta.set(QuantityName::Available, -quantity);
        MovementLine in{variant, world.locations[to], {}};
        in.delta.set(QuantityName::Available, quantity);
        request.lines = {line, in};
        break;
    }
    }
    return request;
}

bool isCrashTransfer(const PostingRequest &request)
{
    return request.reason == MovementReason::Transfer;
}

QString describeLines(const PostingRequest &request)
{
    QStringList parts;
    for (const MovementLine &line : request.lines) {
        parts << QStringLiteral("%1:%2:%3:%4:%5")
                     .arg(line.variantId)
                     .arg(line.locationId)
                     .arg(line.delta.available())
                     .arg(line.delta.committed())
                     .arg(line.delta.incoming());
    }
    return parts.join(u',');
}

} // namespace Ledgerdesk::Testing
