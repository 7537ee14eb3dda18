/** The API of subscribers: {@link org.splitcast.registry.subscriber.SubscriberService} and its DTOs (implementation: ejb-registry; other modules read the registry through the *Directory interfaces). */
package org.splitcast.registry.subscriber;
