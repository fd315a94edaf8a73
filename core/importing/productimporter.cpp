#include "productimporter.h"

#include <core/catalog/catalog.h>
#include <core/importing/csvinput.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcProductImport, "ledgerdesk.core.importing.products")

namespace {

struct Columns
{
    int handle = -1;
    int title = -1;
    int vendor = -1;
    int type = -1;
    int sku = -1;
    int barcode = -1;
    int price = -1;
    int policy = -1;
    std::array<int, 3> optionName{-1, -1, -1};
    std::array<int, 3> optionValue{-1, -1, -1};
};

struct PendingVariant
{
    Variant variant;
    bool exists = false;
};

struct PendingStyle
{
    Style style;
    qint64 line = 0; // the row that defines it
    bool ok = true;
    bool exists = false;
    std::array<QString, 3> optionNames;
    QList<PendingVariant> variants;
};

Columns findColumns(const CsvInput &in)
{
    Columns c;
    c.handle = in.column({"URL handle", "Handle"});
    c.title = in.column({"Title"});
    c.vendor = in.column({"Vendor"});
    c.type = in.column({"Type"});
    c.sku = in.column({"SKU", "Variant SKU"});
    c.barcode = in.column({"Barcode", "Variant Barcode"});
    c.price = in.column({"Price", "Variant Price"});
    c.policy = in.column({"Continue selling when out of stock", "Variant Inventory Policy"});
    const char *names[3] = {"Option1 name", "Option2 name", "Option3 name"};
    const char *values[3] = {"Option1 value", "Option2 value", "Option3 value"};
    for (std::size_t i = 0; i < 3; ++i) {
        c.optionName[i] = in.column({names[i]});
        c.optionValue[i] = in.column({values[i]});
    }
    return c;
}

// Shopify derives a missing handle from the title the same way.
QString handleFromTitle(const QString &title)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString handle = title.toLower().replace(nonWord, QStringLiteral("-"));
    while (handle.startsWith(u'-')) {
        handle.remove(0, 1);
    }
    while (handle.endsWith(u'-')) {
        handle.chop(1);
    }
    return handle;
}

bool continueSelling(const QString &policy)
{
    return policy.compare(QLatin1String("continue"), Qt::CaseInsensitive) == 0
           || policy.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace

ProductImporter::ProductImporter(Store &store)
    : m_store(store)
{}

Result<ImportReport> ProductImporter::importFile(const QString &path, const ImportOptions &options)
{
    return CsvInput::withFile(
        path, [&](QIODevice &device) { return importDevice(device, path, options); });
}

Result<ImportReport> ProductImporter::importDevice(QIODevice &device,
                                                   const QString &fileName,
                                                   const ImportOptions &options)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    const auto input = CsvInput::read(device, fileName, report);
    if (!input) {
        return report;
    }
    const Columns c = findColumns(*input);
    if (!input->requireColumns({{c.handle, QStringLiteral("URL handle (or Handle)")},
                                {c.title, QStringLiteral("Title")},
                                {c.sku, QStringLiteral("SKU (or Variant SKU)")}},
                               report)) {
        return report;
    }
    if (!Money::isCurrencyCode(options.currency)) {
        return makeError(ErrorCode::Validation,
                         tr("\"%1\" is not a currency code").arg(options.currency));
    }
    Catalog catalog(m_store);
    QList<PendingStyle> styles;
    QHash<QString, qsizetype> styleIndex;
    QHash<QString, qint64> skuLines;
    const qint64 total = input->rows().size();
    qint64 done = 0;
    for (const CsvRecord &row : input->rows()) {
        const auto cell = [&row](int column) { return CsvInput::cell(row, column); };
        QList<ImportIssue> issues;
        const auto problem = [&](const QString &field, const QString &reason) {
            issues << input->issue(row.line, field, reason);
        };
        QString handle = cell(c.handle);
        const QString title = cell(c.title);
        if (handle.isEmpty()) {
            handle = handleFromTitle(title);
        }
        const QString sku = cell(c.sku);
        if (handle.isEmpty()) {
            problem(QString(), tr("the row has neither a URL handle nor a Title"));
            report.issues << issues;
            ++report.rowsSkipped;
            continue;
        }
        if (!styleIndex.contains(handle)) {
            PendingStyle pending;
            pending.line = row.line;
            pending.style = {0, handle, title, cell(c.vendor), cell(c.type)};
            const auto existing = catalog.styleByHandle(handle);
            if (!existing) {
                return existing.error();
            }
            pending.exists = existing.value().has_value();
            if (title.isEmpty() && pending.exists) {
                pending.style = *existing.value();
            } else if (title.isEmpty()) {
                problem(QStringLiteral("Title"),
                        tr("the first row of the new product \"%1\" needs a Title").arg(handle));
                pending.ok = false;
            }
            styleIndex.insert(handle, styles.size());
            styles << pending;
        }
        PendingStyle &style = styles[styleIndex.value(handle)];
        Variant variant;
        variant.sku = sku;
        variant.barcode = cell(c.barcode);
        variant.allowOversell = continueSelling(cell(c.policy));
        bool variantData = !variant.barcode.isEmpty();
        for (std::size_t i = 0; i < 3; ++i) {
            QString name = cell(c.optionName[i]);
            const QString value = cell(c.optionValue[i]);
            // Shopify names the options on a product's first row only.
            if (name.isEmpty()) {
                name = style.optionNames[i];
            } else if (style.optionNames[i].isEmpty()) {
                style.optionNames[i] = name;
            }
            if (!value.isEmpty() && name.isEmpty()) {
                problem(QStringLiteral("Option%1 value").arg(i + 1),
                        tr("option value \"%1\" has no option name").arg(value));
            }
            const bool defaultTitle
                = name == QLatin1String("Title") && value == QLatin1String("Default Title");
            if (!value.isEmpty() && !defaultTitle) {
                variant.options[i] = {name, value};
                variantData = true;
            } else {
                variant.options[i] = {QStringLiteral(""), QStringLiteral("")};
            }
        }
        if (const QString price = cell(c.price); !price.isEmpty()) {
            variantData = true;
            auto money = Money::parse(price, options.currency);
            if (!money) {
                problem(input->header().value(c.price),
                        tr("\"%1\" is not a price: %2").arg(price, money.error().message));
            } else {
                variant.price = money.value();
            }
        }
        if (sku.isEmpty() && variantData) {
            problem(input->header().value(c.sku),
                    tr("a variant row needs a SKU; the ledger tracks stock by SKU"));
        }
        if (!sku.isEmpty() && skuLines.contains(sku)) {
            problem(input->header().value(c.sku),
                    tr("SKU \"%1\" already appears on line %2").arg(sku).arg(skuLines.value(sku)));
        }
        if (issues.isEmpty() && !style.ok) {
            problem(QString(),
                    tr("skipped: the product \"%1\" is not valid (line %2)")
                        .arg(handle)
                        .arg(style.line));
        }
        if (!sku.isEmpty() && !skuLines.contains(sku)) {
            skuLines.insert(sku, row.line);
        }
        if (!issues.isEmpty()) {
            report.issues << issues;
            ++report.rowsSkipped;
        } else if (sku.isEmpty()) {
            ++report.rowsUnchanged; // an image or product-only row
        } else {
            const auto existing = catalog.variantBySku(sku);
            if (!existing) {
                return existing.error();
            }
            style.variants << PendingVariant{variant, existing.value().has_value()};
            ++report.rowsApplied;
        }
        ++done;
        if (options.progress && !options.progress(done, total * 2)) {
            return makeError(ErrorCode::Validation, tr("cancelled; nothing was imported"));
        }
    }
    if ((report.hasIssues() && !options.applyValidRows) || options.dryRun) {
        if (!options.dryRun) {
            report.rowsApplied = 0;
        }
        for (const PendingStyle &style : std::as_const(styles)) {
            if (style.ok && options.dryRun) {
                ++(style.exists ? report.stylesUpdated : report.stylesCreated);
                for (const PendingVariant &v : style.variants) {
                    ++(v.exists ? report.variantsUpdated : report.variantsCreated);
                }
            }
        }
        return report;
    }
    WriteTransaction tx(m_store.connection(), m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    for (const PendingStyle &style : std::as_const(styles)) {
        if (!style.ok) {
            continue;
        }
        const auto styleId = catalog.saveStyle(style.style);
        if (!styleId) {
            return styleId.error();
        }
        ++(style.exists ? report.stylesUpdated : report.stylesCreated);
        for (const PendingVariant &pending : style.variants) {
            Variant variant = pending.variant;
            variant.styleId = styleId.value();
            if (const auto saved = catalog.saveVariant(variant); !saved) {
                return saved.error();
            }
            ++(pending.exists ? report.variantsUpdated : report.variantsCreated);
            ++done;
            if (options.progress && done % 1024 == 0 && !options.progress(done, total * 2)) {
                return makeError(ErrorCode::Validation, tr("cancelled; nothing was imported"));
            }
        }
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    if (options.progress) {
        options.progress(total * 2, total * 2);
    }
    report.written = true;
    qCInfo(lcProductImport) << "imported" << report.rowsApplied << "product rows from" << fileName;
    return report;
}

} // namespace Ledgerdesk::Core
