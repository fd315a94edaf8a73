#pragma once

#include <QLocale>

namespace Ledgerdesk::Ui {

// Installs Qt's own translation for `locale` and then ours from ":/i18n", both owned by the
// application object. A missing translation leaves the English text in place.
void installTranslators(const QLocale &locale = QLocale());

} // namespace Ledgerdesk::Ui
