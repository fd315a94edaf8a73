// Posts to a ledger until it is killed, acknowledging each commit on stdout only after it returned.
//   ledgerdesk_crash_child <ledger> <first posting number> <seed>
#include "crashworkload.h"

#include <core/ledger/ledger.h>
#include <core/store/store.h>

#include <QCoreApplication>
#include <QLoggingCategory>

#include <unistd.h>

#include <random>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Testing;

namespace {

constexpr qint64 kMaxAttempts = 200000; // a child nobody kills still ends

// One write per message: a pipe write this small is atomic, so a kill never leaves half a line.
void say(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.constData() + done, bytes.size() - done);
        if (n <= 0) {
            ::_exit(3);
        }
        done += n;
    }
}

QString numbersText(const QList<qint64> &numbers)
{
    QStringList parts;
    for (const qint64 n : numbers) {
        parts << QString::number(n);
    }
    return parts.join(u' ');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        say(QStringLiteral("ERR usage: ledgerdesk_crash_child <ledger> <first> <seed>\n"));
        return 2;
    }
    Core::Store store(Core::StoreConfig::sqlite(args[1]));
    if (const Core::Status opened = store.open(); !opened) {
        say(QStringLiteral("ERR open: %1\n").arg(opened.error().message));
        return 1;
    }
    const auto world = loadCrashWorld(store);
    if (!world) {
        say(QStringLiteral("ERR world: %1\n").arg(world.error().message));
        return 1;
    }
    Core::Ledger ledger(store);
    qint64 next = args[2].toLongLong();
    std::mt19937_64 random(args[3].toULongLong());
    say(QStringLiteral("READY\n"));

    for (qint64 attempt = 0; attempt < kMaxAttempts; ++attempt) {
        const auto roll = random() % 100;
        QList<qint64> numbers;
        if (roll < 10 && next > 0) {
            numbers << static_cast<qint64>(random() % static_cast<quint64>(next)); // a retry
        } else if (roll < 30) {
            const auto size = 2 + static_cast<qint64>(random() % 4);
            for (qint64 i = 0; i < size; ++i) {
                numbers << next++;
            }
        } else {
            numbers << next++;
        }
        QList<Core::PostingRequest> requests;
        for (const qint64 n : numbers) {
            requests << crashRequest(world.value(), n);
        }
        say(QStringLiteral("TRY %1\n").arg(numbersText(numbers)));

        QList<Core::PostingResult> results;
        Core::Error failure;
        bool ok = true;
        if (requests.size() == 1 && isCrashTransfer(requests.first())) {
            const Core::PostingRequest &r = requests.first();
            const auto posted = ledger.transfer(r.lines[0].variantId,
                                                r.lines[0].locationId,
                                                r.lines[1].locationId,
                                                r.lines[1].delta.available(),
                                                r.source,
                                                r.reference,
                                                r.actor);
            ok = posted.ok();
            if (ok) {
                results << posted.value();
            } else {
                failure = posted.error();
            }
        } else if (requests.size() == 1) {
            const auto posted = ledger.post(requests.first());
            ok = posted.ok();
            if (ok) {
                results << posted.value();
            } else {
                failure = posted.error();
            }
        } else {
            const auto posted = ledger.postBatch(requests);
            ok = posted.ok();
            if (ok) {
                results = posted.value();
            } else {
                failure = posted.error();
            }
        }
        if (!ok) {
            say(QStringLiteral("ERR %1: %2\n").arg(numbersText(numbers), failure.message));
            return 1;
        }
        QString acks;
        for (qsizetype i = 0; i < results.size(); ++i) {
            acks += QStringLiteral("ACK %1 %2 %3 %4\n")
                        .arg(requests[i].source,
                             requests[i].reference,
                             results[i].duplicate ? QStringLiteral("dup") : QStringLiteral("new"),
                             describeLines(requests[i]));
        }
        say(acks);
    }
    return 0;
}
