// Renders the console's pages offscreen from a throwaway demo ledger and writes them as PNGs, so
// the documentation shows what the current code draws.

#include <core/demo/demoseeder.h>
#include <core/store/store.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/translators.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace {

using namespace Ledgerdesk;

using Setup = std::function<void(Ui::AvailabilityPage &)>;

bool shoot(Core::Store &store,
           const QSize &size,
           const QString &file,
           const Setup &setup,
           const QElapsedTimer *timing = nullptr)
{
    Ui::MainWindow window(store);
    if (timing) {
        std::fprintf(stdout, "window built after %lld ms\n", timing->elapsed());
    }
    window.resize(size);
    window.show();
    auto *page = qobject_cast<Ui::AvailabilityPage *>(window.page(QStringLiteral("availability")));
    if (page && setup) {
        setup(*page);
    }
    QApplication::processEvents();
    // The count and then the rows in sight arrive from the loader thread; painting asks for the
    // rows, so paint until a paint asks for nothing more.
    const QDeadlineTimer deadline(30'000);
    QImage picture = window.grab().toImage();
    while (page && page->model()->isLoading() && !deadline.hasExpired()) {
        while (page->model()->isLoading() && !deadline.hasExpired()) {
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        QApplication::processEvents();
        picture = window.grab().toImage();
    }
    if (timing) {
        std::fprintf(stdout, "rows in sight after %lld ms\n", timing->elapsed());
    }
    const bool saved = picture.save(file);
    std::fprintf(stdout, "%s %s\n", saved ? "wrote" : "FAILED", qPrintable(file));
    return saved;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));
    QApplication::setApplicationName(QStringLiteral("ledgerdesk-screenshots"));
    QApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes PNG screenshots of the console."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("Where to write them."));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size (default 1280x800)."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption ledgerOption(
        QStringLiteral("ledger"),
        QStringLiteral("Shoot this existing ledger instead of the demo set (one picture, timed)."),
        QStringLiteral("path"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral(
            "Picture the main view translated, e.g. de (written as availability-de.png)."),
        QStringLiteral("code"));
    parser.addOption(sizeOption);
    parser.addOption(ledgerOption);
    parser.addOption(languageOption);
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const QStringList dims = parser.value(sizeOption).isEmpty()
                                 ? QStringList{QStringLiteral("1280"), QStringLiteral("800")}
                                 : parser.value(sizeOption).split(u'x');
    const QSize size(dims.value(0).toInt(), dims.value(1).toInt());
    if (size.width() < 640 || size.height() < 400) {
        std::fprintf(stderr, "ledgerdesk-screenshots: --size wants WxH of at least 640x400\n");
        return 2;
    }
    const QDir out(QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath());
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "ledgerdesk-screenshots: cannot create %s\n", qPrintable(out.path()));
        return 1;
    }

    const QString ledgerPath = parser.isSet(ledgerOption)
                                   ? QFileInfo(parser.value(ledgerOption)).absoluteFilePath()
                                   : QString();

    // Nothing from the user's own settings or locale may leak into the pictures.
    QTemporaryDir temp;
    // Relative ledger names keep temporary paths out of the status bar.
    QDir::setCurrent(temp.path());
    QSettings::setPath(
        QSettings::NativeFormat, QSettings::UserScope, temp.filePath(QStringLiteral("settings")));
    const QString language = parser.value(languageOption);
    QLocale::setDefault(language.isEmpty() ? QLocale(QLocale::English, QLocale::UnitedStates)
                                           : QLocale(language));
    if (!language.isEmpty()) {
        Ui::installTranslators(QLocale(language));
    }

    if (!ledgerPath.isEmpty()) {
        Core::Store store(Core::StoreConfig::sqlite(ledgerPath));
        if (const auto opened = store.open(); !opened) {
            std::fprintf(
                stderr, "ledgerdesk-screenshots: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        return shoot(store, size, out.filePath(QStringLiteral("availability.png")), {}, &timer) ? 0
                                                                                                : 1;
    }

    bool ok = true;
    if (language.isEmpty()) {
        Core::Store empty(Core::StoreConfig::sqlite(QStringLiteral("empty-ledger.db")));
        ok = empty.open().ok()
             && shoot(empty, size, out.filePath(QStringLiteral("availability-empty.png")), {});
    }
    Core::Store demo(Core::StoreConfig::sqlite(QStringLiteral("demo-ledger.db")));
    if (const auto opened = demo.open(); !opened) {
        std::fprintf(stderr, "ledgerdesk-screenshots: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    if (const auto seeded = Core::seedDemoLedger(demo); !seeded) {
        std::fprintf(stderr, "ledgerdesk-screenshots: %s\n", qPrintable(seeded.error().message));
        return 1;
    }
    if (!language.isEmpty()) {
        const QString file = QStringLiteral("availability-%1.png").arg(language);
        return shoot(demo, size, out.filePath(file), {}) ? 0 : 1;
    }
    ok = shoot(demo, size, out.filePath(QStringLiteral("availability.png")), {}) && ok;
    ok = shoot(demo,
               size,
               out.filePath(QStringLiteral("availability-low-stock.png")),
               [](Ui::AvailabilityPage &page) {
                   page.setLocationFilter(QStringLiteral("WH-EAST"));
                   page.setLowStockOnly(true);
               })
         && ok;
    ok = shoot(demo,
               size,
               out.filePath(QStringLiteral("availability-search.png")),
               [](Ui::AvailabilityPage &page) {
                   page.setSearchText(QStringLiteral("hoodie"));
                   page.view()->sortByColumn(Ui::AvailabilityModel::OnHand, Qt::DescendingOrder);
               })
         && ok;
    return ok ? 0 : 1;
}
