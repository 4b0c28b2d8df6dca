/** Query strategies: pure, seeded functions from pool probabilities to the items worth labelling next. */
package org.querent.query;
