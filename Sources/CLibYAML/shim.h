#ifndef DVCHECK_CLIBYAML_SHIM_H
#define DVCHECK_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
