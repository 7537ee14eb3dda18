/** Tests of the synthetic population: reproducible, consistent, and shaped as documented. */
package org.splitcast.recommendation.synthetic;
