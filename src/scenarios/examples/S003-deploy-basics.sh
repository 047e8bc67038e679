# S003-deploy-basics: Deployment `demo`: replacement pods, scaling to 6 and back to 2, set image to v2, rollback to revision 1
# zh: Deployment `demo`：Pod 被补建、扩容到 6 再缩回 2、升级到 v2、回滚到版本 1
kubectl create deployment demo --image=myapp:v1 --replicas=2
# The seed's next step, `kubectl edit deployment demo`, opens an editor and names no change; it is left out.
sleep 10
kubectl get pod -o wide
curl $(kubectl get pods -l app=demo -o jsonpath='{.items[0].status.podIP}')
kubectl get pod --show-labels
kubectl delete pod $(kubectl get pods -l app=demo -o jsonpath='{.items[0].metadata.name}')
sleep 10
kubectl get pod --show-labels
kubectl expose deployment demo --port=80 --target-port=80
sleep 30
kubectl get all
curl $(kubectl get svc demo -o jsonpath='{.spec.clusterIP}')/hostname.html
kubectl describe svc demo
kubectl scale deployment demo --replicas=6
sleep 15
kubectl get pod
kubectl describe svc demo
curl $(kubectl get svc demo -o jsonpath='{.spec.clusterIP}')/hostname.html
kubectl scale  deployment demo --replicas=2
sleep 10
kubectl get pod -o wide
kubectl set image deployment demo myapp=myapp:v2
sleep 30
kubectl get pod -o wide
curl $(kubectl get svc demo -o jsonpath='{.spec.clusterIP}')
kubectl get all
kubectl rollout history deployment demo
kubectl rollout undo deployment demo --to-revision=1
sleep 30
curl $(kubectl get svc demo -o jsonpath='{.spec.clusterIP}')
kubectl get rs
