# S002-endpoints: `expose` gives Deployment `demo` a Service; scaling to 2 adds an endpoint, the Service IP stays
# zh: `expose` 为 Deployment `demo` 创建 Service；扩容到 2 后多出一个端点，Service IP 不变
kubectl create deployment demo --image quay.io/junkai/demo:1.0
sleep 10
kubectl get svc
kubectl expose deploy/demo --port=8080
kubectl get svc
kubectl get endpoints/demo
kubectl scale --replicas=2 deploy/demo
sleep 10
kubectl get svc
kubectl get ep/demo
kubectl get pods -l app=demo -o jsonpath='{.items[*].status.podIP}'
