#include "quotecalculator.h"

#include <ui/theme.h>
#include <ui/widgets/skucompleter.h>

#include <QComboBox>
#include <QDate>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Ledgerdesk::Ui {

namespace {} // namespace

QuoteCalculator::QuoteCalculator(Core::Store &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_buyer = new QComboBox(this);
    m_buyer->setObjectName(QStringLiteral("quoteBuyer"));
    m_sku = new QLineEdit(this);
    m_sku->setObjectName(QStringLiteral("quoteSku"));
    m_sku->setPlaceholderText(tr("SKU"));
    new SkuCompleter(m_store, m_sku);
    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(QStringLiteral("quoteQuantity"));
    m_quantity->setRange(1, 1'000'000);

    m_unitPrice = new QLabel(QStringLiteral("—"), this);
    m_unitPrice->setObjectName(QStringLiteral("unitPrice"));
    QFont big = m_unitPrice->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_unitPrice->setFont(big);
    m_unitPrice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("quoteTotal"));
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("quantityProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_useNearest = new QPushButton(this);
    m_useNearest->setObjectName(QStringLiteral("useNearest"));
    m_useNearest->hide();

    m_buyer->setMinimumContentsLength(32);
    m_sku->setMinimumWidth(m_sku->fontMetrics().horizontalAdvance(QStringLiteral("W")) * 18);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Buyer:"), m_buyer);
    form->addRow(tr("SKU:"), m_sku);
    form->addRow(tr("Quantity:"), m_quantity);
    auto *price = new QHBoxLayout;
    price->addWidget(m_unitPrice);
    price->addSpacing(12);
    price->addWidget(m_total, 1);
    auto *problem = new QHBoxLayout;
    problem->addWidget(m_problem);
    problem->addWidget(m_useNearest);
    problem->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Quote</b>"), this));
    layout->addLayout(form);
    layout->addLayout(price);
    layout->addWidget(m_explanation);
    layout->addLayout(problem);
    layout->addStretch(1);

    connect(m_buyer, &QComboBox::currentIndexChanged, this, &QuoteCalculator::recalculate);
    connect(m_sku, &QLineEdit::textChanged, this, &QuoteCalculator::recalculate);
    connect(m_quantity, &QSpinBox::valueChanged, this, &QuoteCalculator::recalculate);
    connect(m_useNearest, &QPushButton::clicked, this, [this] {
        if (m_nearest > 0) {
            m_quantity->setValue(int(m_nearest));
        }
    });
    setLocations({});
}

void QuoteCalculator::setLocations(const QList<Core::CompanyLocationInfo> &locations)
{
    const QString chosen = m_buyer->currentData().toString();
    const QSignalBlocker block(m_buyer);
    m_buyer->clear();
    m_buyer->addItem(tr("No company — base prices"), QString());
    for (const Core::CompanyLocationInfo &info : locations) {
        m_buyer->addItem(tr("%1 — %2").arg(info.companyName, info.name), info.id);
    }
    m_buyer->setCurrentIndex(qMax(0, m_buyer->findData(chosen)));
    recalculate();
}

bool QuoteCalculator::setBuyer(const QString &companyLocationId)
{
    const int index = m_buyer->findData(companyLocationId);
    if (index < 0) {
        return false;
    }
    m_buyer->setCurrentIndex(index);
    return true;
}

void QuoteCalculator::setSku(const QString &sku)
{
    m_sku->setText(sku);
}

void QuoteCalculator::setQuantity(qint64 quantity)
{
    m_quantity->setValue(int(std::clamp<qint64>(quantity, 1, m_quantity->maximum())));
}

void QuoteCalculator::focusSku()
{
    m_sku->setFocus(Qt::ShortcutFocusReason);
    m_sku->selectAll();
}

QString QuoteCalculator::unitPriceText() const
{
    return m_unitPrice->text();
}

QString QuoteCalculator::totalText() const
{
    return m_total->text();
}

QString QuoteCalculator::explanationText() const
{
    return m_explanation->text();
}

QString QuoteCalculator::problemText() const
{
    return m_problem->text();
}

void QuoteCalculator::recalculate()
{
    m_quote.reset();
    m_nearest = 0;
    m_useNearest->hide();
    m_problem->clear();
    const QString sku = m_sku->text().trimmed();
    if (sku.isEmpty()) {
        m_unitPrice->setText(QStringLiteral("—"));
        m_total->clear();
        m_explanation->setText(tr("Choose a buyer, a SKU and a quantity."));
        m_explanation->setStyleSheet(QString());
        return;
    }
    const qint64 quantity = m_quantity->value();
    const auto quoted = Core::PriceBook(m_store).quote(
        m_buyer->currentData().toString(), sku, quantity, QDate::currentDate());
    if (!quoted) {
        m_unitPrice->setText(QStringLiteral("—"));
        m_total->clear();
        m_explanation->setText(quoted.error().message);
        m_explanation->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
        return;
    }
    m_quote = quoted.value();
    const QLocale locale;
    m_unitPrice->setText(m_quote->unitPrice.toString());
    m_total->setText(tr("× %1 = %2").arg(locale.toString(quantity), m_quote->total.toString()));
    m_explanation->setText(m_quote->explanation);
    m_explanation->setStyleSheet(QString());
    if (!m_quote->acceptable()) {
        m_nearest = m_quote->rule.nearestAllowed(quantity);
        m_problem->setText(
            tr("Order %1 (rule: %2).").arg(m_quote->quantityProblem, m_quote->rule.describe()));
        m_useNearest->setText(tr("Use %1").arg(locale.toString(m_nearest)));
        m_useNearest->setVisible(m_nearest > 0 && m_nearest != quantity);
    }
}

} // namespace Ledgerdesk::Ui
