#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>

#include <QDateTime>

namespace Ledgerdesk::Cli {

namespace {

QString userName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}

QString age(Core::UtcMillis since)
{
    const qint64 minutes = (Core::nowUtcMillis() - since) / 60000;
    if (minutes < 60) {
        return QStringLiteral("%1m").arg(minutes);
    }
    if (minutes < 48 * 60) {
        return QStringLiteral("%1h").arg(minutes / 60);
    }
    return QStringLiteral("%1d").arg(minutes / (24 * 60));
}

int list(CliContext &context, Core::Store &store, const QCommandLineParser &parser)
{
    Core::ExceptionFilter filter = parser.isSet(QStringLiteral("all"))
                                       ? Core::ExceptionFilter()
                                       : Core::ExceptionFilter::unresolved();
    if (parser.isSet(QStringLiteral("system"))) {
        filter.system = parser.value(QStringLiteral("system"));
    }
    const auto rows = Core::ExceptionStore(store).list(filter);
    if (!rows) {
        context.err() << rows.error().message << '\n';
        return ExitStorage;
    }
    context.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                         .arg(QStringLiteral("ID"), 6)
                         .arg(QStringLiteral("AGE"), 5)
                         .arg(QStringLiteral("STATE"), -12)
                         .arg(QStringLiteral("KIND"), -18)
                         .arg(QStringLiteral("SYSTEM"), -8)
                         .arg(QStringLiteral("LEDGER"), 8)
                         .arg(QStringLiteral("THEIRS"), 8)
                         .arg(QStringLiteral("WHAT"));
    for (const Core::SyncException &e : rows.value()) {
        context.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                             .arg(e.id, 6)
                             .arg(age(e.createdAt), 5)
                             .arg(Core::exceptionStateKey(e.state), -12)
                             .arg(Core::exceptionKindKey(e.kind), -18)
                             .arg(e.system, -8)
                             .arg(e.ledgerValue.value_or(QStringLiteral("-")), 8)
                             .arg(e.externalValue.value_or(QStringLiteral("-")), 8)
                             .arg(e.entityKey);
    }
    context.out() << rows.value().size() << " exception(s)\n";
    return ExitOk;
}

int show(CliContext &context, Core::Store &store, qint64 id)
{
    const auto loaded = Core::ExceptionStore(store).get(id);
    if (!loaded) {
        context.err() << loaded.error().message << '\n';
        return ExitStorage;
    }
    if (!loaded.value()) {
        context.err() << "no exception " << id << '\n';
        return ExitFailed;
    }
    const Core::SyncException &e = *loaded.value();
    QTextStream &out = context.out();
    out << "exception " << e.id << " (" << Core::exceptionStateKey(e.state) << ")\n"
        << "  kind      " << Core::exceptionKindKey(e.kind) << '\n'
        << "  system    " << e.system << '\n'
        << "  entity    " << e.entity << ' ' << e.entityKey << '\n'
        << "  base      " << e.baseValue.value_or(QStringLiteral("-")) << '\n'
        << "  ledger    " << e.ledgerValue.value_or(QStringLiteral("-")) << '\n'
        << "  theirs    " << e.externalValue.value_or(QStringLiteral("-")) << '\n'
        << "  error     " << e.errorText << '\n'
        << "  attempts  " << e.attempts << '\n'
        << "  assignee  " << (e.assignee.isEmpty() ? QStringLiteral("-") : e.assignee) << '\n'
        << "  opened    " << Core::formatIsoTimestamp(e.createdAt) << " (" << age(e.createdAt)
        << " ago)\n";
    if (!e.resolution.isEmpty()) {
        out << "  outcome   " << e.resolution << '\n';
    }
    out << "history:\n";
    for (const Core::ExceptionEvent &event : e.history) {
        out << "  " << Core::formatIsoTimestamp(event.at) << "  " << event.actor << "  "
            << event.action;
        if (!event.detail.isEmpty()) {
            out << ": " << event.detail;
        }
        out << '\n';
    }
    return ExitOk;
}

int resolve(CliContext &context, Core::Store &store, qint64 id, const QCommandLineParser &parser)
{
    const QString actor = parser.value(QStringLiteral("actor"));
    Core::ExceptionResolver resolver(store);
    Core::ExceptionStore exceptions(store);
    const int chosen
        = int(parser.isSet(QStringLiteral("accept-theirs")))
          + int(parser.isSet(QStringLiteral("keep-ours")))
          + int(parser.isSet(QStringLiteral("set"))) + int(parser.isSet(QStringLiteral("retry")))
          + int(parser.isSet(QStringLiteral("ignore")))
          + int(parser.isSet(QStringLiteral("acknowledge")))
          + int(parser.isSet(QStringLiteral("assign"))) + int(parser.isSet(QStringLiteral("note")));
    if (chosen != 1) {
        context.err() << "choose exactly one of --accept-theirs, --keep-ours, --set N, --retry, "
                         "--ignore REASON, --acknowledge, --assign PERSON, --note TEXT\n";
        return ExitUsage;
    }
    Core::Status done = Core::success();
    if (parser.isSet(QStringLiteral("accept-theirs"))) {
        done = resolver.acceptTheirs(id, actor);
    } else if (parser.isSet(QStringLiteral("keep-ours"))) {
        done = resolver.keepOursAndPush(id, actor);
    } else if (parser.isSet(QStringLiteral("set"))) {
        bool ok = false;
        const qint64 value = parser.value(QStringLiteral("set")).toLongLong(&ok);
        if (!ok) {
            context.err() << "--set needs a whole number\n";
            return ExitUsage;
        }
        done = resolver.setValue(id, value, actor);
    } else if (parser.isSet(QStringLiteral("retry"))) {
        done = resolver.retry(id, actor);
    } else if (parser.isSet(QStringLiteral("ignore"))) {
        done = resolver.ignore(id, parser.value(QStringLiteral("ignore")), actor);
    } else if (parser.isSet(QStringLiteral("acknowledge"))) {
        done = exceptions.acknowledge(id, actor);
    } else if (parser.isSet(QStringLiteral("assign"))) {
        done = exceptions.assign(id, parser.value(QStringLiteral("assign")), actor);
    } else {
        done = exceptions.addNote(id, parser.value(QStringLiteral("note")), actor);
    }
    if (!done) {
        context.err() << "exception " << id << ": " << done.error().message << '\n';
        return done.error().code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
    }
    context.out() << "exception " << id << " updated\n";
    return ExitOk;
}

} // namespace

int exceptionsCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, show ID or resolve ID"));
    parser.addOptions({
        {QStringLiteral("all"), QStringLiteral("list: include resolved and ignored ones")},
        {QStringLiteral("system"),
         QStringLiteral("list: only this system"),
         QStringLiteral("system")},
        {QStringLiteral("accept-theirs"),
         QStringLiteral("resolve: the ledger takes the external value")},
        {QStringLiteral("keep-ours"), QStringLiteral("resolve: keep the ledger value and push it")},
        {QStringLiteral("set"),
         QStringLiteral("resolve: the true value; the ledger takes it and it is pushed"),
         QStringLiteral("N")},
        {QStringLiteral("retry"),
         QStringLiteral("resolve: send the failed push again with its original key")},
        {QStringLiteral("ignore"),
         QStringLiteral("resolve: close without change, giving the reason"),
         QStringLiteral("reason")},
        {QStringLiteral("acknowledge"), QStringLiteral("resolve: mark as seen")},
        {QStringLiteral("assign"),
         QStringLiteral("resolve: give it to a person"),
         QStringLiteral("person")},
        {QStringLiteral("note"), QStringLiteral("resolve: add a note"), QStringLiteral("text")},
        {QStringLiteral("actor"),
         QStringLiteral("Who is acting."),
         QStringLiteral("actor"),
         userName()},
    });
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("Sync exceptions: what could not be settled automatically."));
        stop >= 0) {
        return stop;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != QLatin1String("list") && action != QLatin1String("show")
        && action != QLatin1String("resolve")) {
        context.err() << "exceptions needs 'list', 'show ID' or 'resolve ID'\n";
        return ExitUsage;
    }
    bool idOk = action == QLatin1String("list");
    const qint64 id = positional.value(1).toLongLong(&idOk);
    if (action != QLatin1String("list") && !idOk) {
        context.err() << "exceptions " << action << " needs an exception id\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    if (action == QLatin1String("list")) {
        return list(context, *store, parser);
    }
    return action == QLatin1String("show") ? show(context, *store, id)
                                           : resolve(context, *store, id, parser);
}

} // namespace Ledgerdesk::Cli
